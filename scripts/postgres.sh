#!/usr/bin/env bash
# A private PostgreSQL cluster (Debian's package) for the tests and scripts/cluster.sh: its own folder, a free port on
# the loopback, trust authentication for the superuser "postgres" on 127.0.0.1 only. Nothing is skipped: when
# PostgreSQL cannot be installed or started this script fails with the reason.
#   bash scripts/postgres.sh start DIR   prints the server's connection string (without database) on stdout
#   bash scripts/postgres.sh stop DIR
set -euo pipefail
command=${1:-}; dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then echo "Gebruik: postgres.sh start|stop MAP" >&2; exit 2; fi

fail() { echo "PostgreSQL: $*" >&2; exit 1; }

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

# Runs a PostgreSQL program as the owner of the cluster: the postgres user when we are root (PostgreSQL refuses to run
# as root), otherwise ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

source "$(dirname "$0")/ports.sh"

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(port_candidate)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

case "$command" in
  start)
    bin=$(bindir || true)
    if [ -z "$bin" ]; then
      echo "PostgreSQL ontbreekt: installeren met apt-get…" >&2
      if [ "$(id -u)" -eq 0 ]; then apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2 \
        || fail "installeren met apt-get mislukt"
      else sudo apt-get update -qq >&2 && sudo apt-get install -y -qq postgresql >&2 || fail "installeren met apt-get mislukt"; fi
      bin=$(bindir || true)
      [ -n "$bin" ] || fail "na de installatie geen initdb gevonden onder /usr/lib/postgresql/*/bin"
    fi
    mkdir -p "$dir"
    data="$dir/pgdata"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$dir"
      # The postgres user must be able to pass through the caller's (often private) temp folder.
      chmod o+x "$(dirname "$(realpath "$dir")")"
    fi
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || fail "initdb mislukt: $(tail -n 5 "$dir/initdb.log")"
    port=$(free_port) || fail "geen vrije poort gevonden"
    # Test settings: durability off (a crash loses only test data), connections enough for parallel test classes.
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >"$dir/pg_ctl.log" 2>&1 || fail "starten mislukt: $(tail -n 5 "$dir/server.log" 2>/dev/null)"
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    bin=$(bindir || true)
    if [ -n "$bin" ] && [ -f "$dir/pgdata/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/pgdata" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "Gebruik: postgres.sh start|stop MAP" >&2; exit 2 ;;
esac
