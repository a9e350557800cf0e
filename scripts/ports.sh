# Sourced by the scripts that start servers on the loopback. One random port to try, below the kernel's range for
# outgoing connections: a port in that range can be taken by any client connection (a load run opens thousands)
# between a check and the bind, which a connect test cannot see.
port_candidate() {
  local low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  echo $(( 20000 + RANDOM % (low > 21000 ? low - 20000 : 10000) ))
}
