#!/usr/bin/env bash
# Two app instances behind nginx on the loopback, as in production (deploy/README.md): PostgreSQL (scripts/postgres.sh),
# Redis, two instances of the built app (Production, Postgres, Redis, nginx trusted for forwarded headers) and nginx
# with deploy/nginx.conf itself (only its lines marked "# cluster:" are filled in with loopback ports and a throwaway
# certificate). Everything lives in one state folder (GWT_CLUSTER_DIR, default /tmp/gwt-cluster) with its PIDs.
#   bash scripts/cluster.sh up            starts everything, prints the nginx URL (https, self-signed)
#   bash scripts/cluster.sh down          stops everything it started (by recorded PID) and removes the folder
#   bash scripts/cluster.sh test          the browser tests through nginx (their fixture runs up and, always, down)
#   bash scripts/cluster.sh stop-instance a|b / start-instance a|b   (the tests kill and restart one instance)
# Accounts: Production seeds nothing; `up` creates one beheerder with create-admin (GWT_CLUSTER_ADMIN_EMAIL,
# GWT_CLUSTER_ADMIN_PASSWORD). GWT_CLUSTER_ENVIRONMENT=Staging runs the instances outside Production, where
# `seed-load-users N` is allowed (for the load driver: see deploy/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${GWT_CLUSTER_DIR:-/tmp/gwt-cluster}
environment=${GWT_CLUSTER_ENVIRONMENT:-Production}
admin_email=${GWT_CLUSTER_ADMIN_EMAIL:-beheerder@cluster.test}
admin_password=${GWT_CLUSTER_ADMIN_PASSWORD:-Cluster-Beheer-2026!}
configuration=${GWT_CLUSTER_CONFIGURATION:-Debug}
web="$root/src/GeneralistischWerkt.Training.Web"
dll="$web/bin/$configuration/net10.0/GeneralistischWerkt.Training.Web.dll"

fail() { echo "cluster: $*" >&2; exit 1; }

install_missing() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Ontbreekt: ${missing[*]}: installeren met apt-get…" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
  else sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "${missing[@]}" >&2; fi || fail "apt-get mislukt"
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  fail "geen vrije poort gevonden"
}

wait_for() { # url seconds what
  local deadline=$(( $(date +%s) + $2 ))
  until curl -ksf -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.3
  done
}

instance_env() {
  echo ASPNETCORE_ENVIRONMENT="$environment"
  echo ASPNETCORE_HTTPS_PORT="$(cat "$dir/https.port")"
  echo Database__Provider=Postgres
  echo ConnectionStrings__Default="$(cat "$dir/postgres.connection");Database=gwt"
  echo Redis__Configuration="127.0.0.1:$(cat "$dir/redis.port")"
  echo ForwardedHeaders__KnownProxies=127.0.0.1
  echo Storage__DataDirectory="$dir/data"
  echo Logging__LogLevel__Default=Warning
  # The tests sign in many times from the one loopback address.
  echo Security__SignInPerMinute=10000
}

start_instance() {
  local name=$1 port
  port=$(cat "$dir/$name.port")
  env $(instance_env) ASPNETCORE_URLS="http://127.0.0.1:$port" \
    nohup dotnet "$dll" --contentRoot "$web" >"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
  wait_for "http://127.0.0.1:$port/healthz/ready" 90 || fail "instantie $name is niet klaar: $(tail -n 20 "$dir/$name.log")"
}

stop_pid() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}

# deploy/nginx.conf with the loopback values; every marked line must be there, so the file and the test cannot drift.
render_site() {
  local a b http https
  a=$(cat "$dir/a.port"); b=$(cat "$dir/b.port"); http=$(cat "$dir/http.port"); https=$(cat "$dir/https.port")
  local marks; marks=$(grep -c '# cluster:' deploy/nginx.conf)
  [ "$marks" -eq 8 ] || fail "deploy/nginx.conf heeft $marks regels '# cluster:', verwacht 8"
  sed -e "/# cluster: drop/d" \
      -e "s|server 127.0.0.1:[0-9]* \(.*\) # cluster: instance A|server 127.0.0.1:$a \1|" \
      -e "s|server 127.0.0.1:[0-9]* \(.*\) # cluster: instance B|server 127.0.0.1:$b \1|" \
      -e "s|listen 80; # cluster: http|listen 127.0.0.1:$http;|" \
      -e "s|listen 443 ssl http2; # cluster: https|listen 127.0.0.1:$https ssl;|" \
      -e "s|ssl_certificate .*# cluster: certificate|ssl_certificate $dir/tls.crt;|" \
      -e "s|ssl_certificate_key .*# cluster: key|ssl_certificate_key $dir/tls.key;|" \
      -e 's|return 301 https://$host$request_uri;|return 301 https://$host:'"$https"'$request_uri;|' \
      deploy/nginx.conf >"$dir/site.conf"
  ! grep -q '# cluster:' "$dir/site.conf" || fail "niet alle '# cluster:'-regels van deploy/nginx.conf ingevuld"
  local user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
  cat >"$dir/nginx.conf" <<EOF
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 512; }
http {
    access_log $dir/nginx-access.log;
    client_body_temp_path $dir/nginx-tmp/body;
    proxy_temp_path $dir/nginx-tmp/proxy;
    fastcgi_temp_path $dir/nginx-tmp/fastcgi;
    uwsgi_temp_path $dir/nginx-tmp/uwsgi;
    scgi_temp_path $dir/nginx-tmp/scgi;
    include $dir/site.conf;
}
EOF
}

up() {
  [ ! -e "$dir/up" ] || fail "er draait al een cluster in $dir (eerst: cluster.sh down)"
  [ -f "$dll" ] || fail "$dll ontbreekt: eerst dotnet build"
  install_missing
  mkdir -p "$dir/data" "$dir/nginx-tmp" "$dir/redis"
  touch "$dir/up"
  bash scripts/postgres.sh start "$dir/pg" >"$dir/postgres.connection"
  free_port >"$dir/redis.port"
  redis-server --bind 127.0.0.1 --port "$(cat "$dir/redis.port")" --dir "$dir/redis" --save '' --appendonly no \
    --daemonize no >"$dir/redis.log" 2>&1 &
  echo $! >"$dir/redis.pid"
  for name in a b http https; do free_port >"$dir/$name.port"; done
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -keyout "$dir/tls.key" -out "$dir/tls.crt" \
    >/dev/null 2>&1 || fail "openssl kon geen certificaat maken"
  # The first beheerder, as in production (this also migrates the empty database before two instances start).
  env $(instance_env) GWT_ADMIN_PASSWORD="$admin_password" \
    dotnet "$dll" --contentRoot "$web" create-admin --email "$admin_email" --naam "Cluster Beheerder" >"$dir/create-admin.log" 2>&1 \
    || fail "create-admin mislukt: $(cat "$dir/create-admin.log")"
  start_instance a
  start_instance b
  render_site
  nginx -c "$dir/nginx.conf" -t >"$dir/nginx-test.log" 2>&1 || fail "nginx -t: $(cat "$dir/nginx-test.log")"
  nginx -c "$dir/nginx.conf" -g 'daemon off;' >>"$dir/nginx-error.log" 2>&1 &
  echo $! >"$dir/nginx.master"
  local url="https://127.0.0.1:$(cat "$dir/https.port")"
  wait_for "$url/healthz/ready" 30 || fail "nginx antwoordt niet op $url"
  echo "$url" >"$dir/url"
  echo "$url"
}

down() {
  stop_pid "$dir/nginx.master"
  stop_pid "$dir/a.pid"
  stop_pid "$dir/b.pid"
  stop_pid "$dir/redis.pid"
  [ -d "$dir/pg" ] && bash scripts/postgres.sh stop "$dir/pg"
  rm -rf "$dir"
}

case "${1:-}" in
  up) trap '[ $? -eq 0 ] || down' EXIT; up ;;
  down) down ;;
  stop-instance) stop_pid "$dir/${2:?a of b}.pid" ;;
  start-instance) start_instance "${2:?a of b}" ;;
  test)
    dotnet test tests/GeneralistischWerkt.Training.EndToEnd -c "$configuration" --no-build -nologo \
      --filter "FullyQualifiedName~ClusterTests" ;;
  *) echo "Gebruik: cluster.sh up|down|test|stop-instance a|b|start-instance a|b" >&2; exit 2 ;;
esac
