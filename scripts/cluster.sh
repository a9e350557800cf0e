#!/usr/bin/env bash
# Two app instances behind nginx on the loopback, set up as deploy/README.md describes for production: PostgreSQL
# (scripts/postgres.sh), a private redis-server, two instances of the built app (Production, PostgreSQL, Redis, nginx
# as the only trusted proxy) and nginx with deploy/nginx.conf itself (only its lines marked "# cluster:" get loopback
# ports and a throwaway certificate). Everything runs as our own processes on free ports, with its data and PIDs in
# one folder; no system service is started or touched, and only the PIDs recorded there are ever stopped.
#   bash scripts/cluster.sh up        starts everything and prints the address of nginx (https, self-signed)
#   bash scripts/cluster.sh down      stops what `up` started and removes the folder
#   bash scripts/cluster.sh test [--no-build]
#                                     builds the browser tests (unless --no-build), starts a cluster of its own, runs
#                                     the tests marked Category=Cluster through nginx, stops it again; fails when any
#                                     test fails or the cluster does not start
#   bash scripts/cluster.sh reload    deploy/nginx.conf again (after an edit), without a restart
#   bash scripts/cluster.sh kill-instance a|b    SIGKILL, as a crash (the tests use it)
#   bash scripts/cluster.sh start-instance a|b   starts it again and waits until /healthz/ready answers
#   bash scripts/cluster.sh load [users] [duration] [think] [ramp]
#                                     load-test accounts in the cluster's database, then the load driver
#                                     (bench/GeneralistischWerkt.Training.LoadDriver) through nginx against every
#                                     instance; its CPU and memory figures are those of all instances together
# GWT_CLUSTER_INSTANCES=1 makes `up` start instance a only, with nginx in front of it alone (to compare one instance
# with two under the same proxy, database and Redis). GWT_CLUSTER_CONFIGURATION=Release for measurements.
# The folder: GWT_CLUSTER_DIR, else one per user and checkout under the temp folder (`test` takes a new one).
# Production seeds no accounts: `up` creates the first beheerder with create-admin, as in production
# (GWT_CLUSTER_ADMIN_EMAIL, GWT_CLUSTER_ADMIN_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${GWT_CLUSTER_DIR:-${TMPDIR:-/tmp}/gwt-cluster-$(id -u)-$(printf %s "$root" | cksum | cut -d' ' -f1)}
admin_email=${GWT_CLUSTER_ADMIN_EMAIL:-beheerder@cluster.test}
admin_password=${GWT_CLUSTER_ADMIN_PASSWORD:-Cluster-Beheer-2026!}
configuration=${GWT_CLUSTER_CONFIGURATION:-Debug}
instances=${GWT_CLUSTER_INSTANCES:-2}
[ "$instances" = 1 ] || [ "$instances" = 2 ] || { echo "cluster: GWT_CLUSTER_INSTANCES moet 1 of 2 zijn" >&2; exit 2; }
web="$root/src/GeneralistischWerkt.Training.Web"
dll="$web/bin/$configuration/net10.0/GeneralistischWerkt.Training.Web.dll"
tests="tests/GeneralistischWerkt.Training.EndToEnd"

fail() { echo "cluster: $*" >&2; exit 1; }

# nginx and redis-server from Debian's packages, as scripts/test.sh does for Chromium (PostgreSQL: postgres.sh).
install_missing() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Ontbreekt: ${missing[*]}: installeren met apt-get…" >&2
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"; } >&2 || fail "apt-get install ${missing[*]} mislukt"
}

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

source scripts/ports.sh
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(port_candidate)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! grep -qx "$port" "$dir"/*.port 2>/dev/null; then
      echo "$port"; return 0
    fi
  done
  fail "geen vrije poort gevonden"
}

# Until the URL answers "Healthy" (an instance is asked as nginx asks it: as https, or it would redirect).
wait_healthy() { # url seconds
  local deadline=$(( $(date +%s) + $2 ))
  until [ "$(curl -ks --max-time 2 -H 'X-Forwarded-Proto: https' "$1" 2>/dev/null)" = Healthy ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.3
  done
}

# The configuration of every instance: the table in deploy/README.md, with the loopback addresses of this cluster.
instance_env() {
  echo ASPNETCORE_ENVIRONMENT=Production
  echo ASPNETCORE_HTTPS_PORT="$(cat "$dir/https.port")"
  echo Database__Provider=Postgres
  echo ConnectionStrings__Default="$(cat "$dir/postgres.connection");Database=gwt"
  echo Redis__Configuration="127.0.0.1:$(cat "$dir/redis.port")"
  echo ForwardedHeaders__KnownProxies=127.0.0.1
  echo Logging__LogLevel__Default=Warning
  # Every browser of the tests signs in from 127.0.0.1 (nginx passes the client address on).
  echo Security__SignInPerMinute=10000
}

launch_instance() { # a|b: starts it in the background, records its PID
  local name=$1
  env $(instance_env) ASPNETCORE_URLS="http://127.0.0.1:$(cat "$dir/$name.port")" \
    dotnet "$dll" --contentRoot "$web" >>"$dir/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/$name.pid"
}

await_instance() { # a|b
  local name=$1
  wait_healthy "http://127.0.0.1:$(cat "$dir/$name.port")/healthz/ready" 90 \
    || fail "instantie $name is niet klaar na 90 s: $(tail -n 20 "$dir/$name.log")"
}

stop_pid() { # pid file [signal]: only a PID we recorded ourselves
  local file=$1 signal=${2:-TERM}
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$file"
}

# deploy/nginx.conf with this cluster's values. Every marked line must be found exactly as expected, so a change to
# the production file that the test does not know about fails here instead of going untested.
render_site() {
  local a b http https marks
  a=$(cat "$dir/a.port"); b=$(cat "$dir/b.port"); http=$(cat "$dir/http.port"); https=$(cat "$dir/https.port")
  marks=$(grep -c ' # cluster: [a-z ]*$' deploy/nginx.conf || true)
  [ "$marks" -eq 9 ] || fail "deploy/nginx.conf heeft $marks regels met '# cluster:', verwacht 9"
  sed -e '/# cluster: drop$/d' \
      -e "s|server 127\.0\.0\.1:[0-9]* \(.*\); # cluster: instance a$|server 127.0.0.1:$a \1;|" \
      -e "s|server 127\.0\.0\.1:[0-9]* \(.*\); # cluster: instance b$|server 127.0.0.1:$b \1;|" \
      -e "s|listen 80; # cluster: http$|listen 127.0.0.1:$http;|" \
      -e "s|return 301 https://\$host\$request_uri; # cluster: redirect$|return 301 https://\$host:$https\$request_uri;|" \
      -e "s|listen 443 ssl http2; # cluster: https$|listen 127.0.0.1:$https ssl http2;|" \
      -e "s|ssl_certificate .*; # cluster: certificate$|ssl_certificate $dir/tls.crt;|" \
      -e "s|ssl_certificate_key .*; # cluster: key$|ssl_certificate_key $dir/tls.key;|" \
      deploy/nginx.conf >"$dir/site.conf"
  ! grep -n ' # cluster: [a-z ]*$' "$dir/site.conf" >&2 || fail "deze regels van deploy/nginx.conf zijn niet zoals cluster.sh ze verwacht"
  if [ "$(cat "$dir/instances")" = 1 ]; then
    sed -i "/server 127\.0\.0\.1:$b /d" "$dir/site.conf"
  fi
  # The http block a Debian nginx.conf would have, with everything in our folder; workers as ourselves.
  local user=""; [ "$(id -u)" -ne 0 ] || user="user root;"
  # Every live circuit holds two connections in nginx (browser and instance): room for a load run of a few thousand
  # players, within this shell's file limit.
  local files; files=$(ulimit -n)
  [ "$files" != unlimited ] || files=65536
  local connections=$(( files / 2 < 16384 ? files / 2 : 16384 ))
  cat >"$dir/nginx.conf" <<EOF
$user
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections $connections; }
http {
    default_type application/octet-stream;
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
  [ ! -e "$dir/up" ] || fail "er draait al een cluster in $dir (eerst: bash scripts/cluster.sh down)"
  [ -f "$dll" ] || fail "$dll ontbreekt: eerst dotnet build -c $configuration"
  install_missing
  mkdir -p "$dir/nginx-tmp" "$dir/redis"
  touch "$dir/up"
  echo "$instances" >"$dir/instances"
  bash scripts/postgres.sh start "$dir/pg" >"$dir/postgres.connection"
  for name in redis a b http https; do free_port >"$dir/$name.port"; done
  redis-server --bind 127.0.0.1 --port "$(cat "$dir/redis.port")" --dir "$dir/redis" --save '' --appendonly no \
    --daemonize no >"$dir/redis.log" 2>&1 </dev/null &
  echo $! >"$dir/redis.pid"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -keyout "$dir/tls.key" -out "$dir/tls.crt" \
    >/dev/null 2>&1 || fail "openssl kon geen certificaat maken"
  # The first beheerder, as in production; this also migrates the empty database before the two instances start.
  # (The command must be the first argument.)
  env $(instance_env) GWT_ADMIN_PASSWORD="$admin_password" timeout 120 dotnet "$dll" \
    create-admin --email "$admin_email" --naam "Cluster Beheerder" --contentRoot "$web" >"$dir/create-admin.log" 2>&1 </dev/null \
    || fail "create-admin mislukt: $(cat "$dir/create-admin.log")"
  # One after the other, as deploy/README.md says: the first creates the data-protection key in the database, the
  # second reads it. Started together, each would make a key of its own.
  launch_instance a
  await_instance a
  if [ "$instances" = 2 ]; then
    launch_instance b
    await_instance b
  fi
  render_site
  local nginx; nginx=$(nginx_bin)
  "$nginx" -e "$dir/nginx-error.log" -p "$dir" -c "$dir/nginx.conf" -t >"$dir/nginx-test.log" 2>&1 \
    || fail "nginx -t: $(cat "$dir/nginx-test.log")"
  "$nginx" -e "$dir/nginx-error.log" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >>"$dir/nginx-error.log" 2>&1 </dev/null &
  echo $! >"$dir/nginx.master"
  local url="https://127.0.0.1:$(cat "$dir/https.port")"
  wait_healthy "$url/healthz/ready" 30 || fail "nginx antwoordt niet op $url: $(tail -n 5 "$dir/nginx-error.log")"
  echo "$url" >"$dir/url"
  echo "$url"
}

down() {
  [ -d "$dir" ] || return 0
  stop_pid "$dir/nginx.master"
  stop_pid "$dir/a.pid"
  stop_pid "$dir/b.pid"
  stop_pid "$dir/redis.pid"
  if [ -d "$dir/pg" ]; then bash scripts/postgres.sh stop "$dir/pg"; fi
  rm -rf "$dir"
}

# Load-test accounts in the cluster's database and the load driver through nginx. seed-load-users refuses in
# Production (known passwords), so it alone runs as Development, against this throwaway cluster's database.
load() { # users duration think ramp
  [ -f "$dir/url" ] || fail "geen cluster in $dir (eerst: bash scripts/cluster.sh up)"
  local users=${1:-20} duration=${2:-40s} think=${3:-1s} ramp=${4:-5s}
  local driver="$root/bench/GeneralistischWerkt.Training.LoadDriver/bin/$configuration/net10.0/gwt-load.dll"
  [ -f "$driver" ] || fail "$driver ontbreekt: eerst dotnet build -c $configuration"
  env $(instance_env) ASPNETCORE_ENVIRONMENT=Development timeout 300 dotnet "$dll" seed-load-users "$users" --contentRoot "$web" \
    </dev/null | tail -1
  dotnet "$driver" --url "$(cat "$dir/url")" --insecure --instances "$(cat "$dir/instances")" \
    --users "$users" --duration "$duration" --think "$think" --ramp "$ramp"
}

# What went wrong, from the logs, before `down` removes them.
show_logs() {
  local log
  for log in a.log b.log nginx-error.log redis.log; do
    [ -s "$dir/$log" ] || continue
    echo "--- $log (laatste regels) ---" >&2
    tail -n 30 "$dir/$log" >&2
  done
}

run_tests() {
  local build=yes
  [ "${1:-}" != "--no-build" ] || build=no
  [ -n "${GWT_CLUSTER_DIR:-}" ] || dir=$(mktemp -d "${TMPDIR:-/tmp}/gwt-cluster-XXXXXX")
  trap 'down' EXIT
  if [ "$build" = yes ]; then dotnet build "$tests" -c "$configuration" -nologo -v quiet; fi
  local started=$SECONDS
  local url; url=$(up)
  echo "Cluster klaar in $((SECONDS - started)) s: nginx op $url, instanties a (127.0.0.1:$(cat "$dir/a.port")) en b (127.0.0.1:$(cat "$dir/b.port"))"
  started=$SECONDS
  local status=0
  GWT_CLUSTER_URL="$url" GWT_CLUSTER_DIR="$dir" GWT_CLUSTER_ADMIN_EMAIL="$admin_email" GWT_CLUSTER_ADMIN_PASSWORD="$admin_password" \
    dotnet test "$tests" -c "$configuration" --no-build -nologo --filter "Category=Cluster" || status=$?
  echo "Clustertests: $((SECONDS - started)) s"
  # A tiny load run through nginx over both instances, so the driver's proxy path (TLS, route cookie, figures per
  # instance) cannot rot; it fails on any error or when not every instance answered.
  if [ "$status" -eq 0 ]; then
    started=$SECONDS
    load 10 20s 1s 5s || status=$?
    echo "Belasting via nginx: $((SECONDS - started)) s"
  fi
  if [ "$status" -ne 0 ]; then show_logs; fi
  return "$status"
}

case "${1:-}" in
  up) trap '[ $? -eq 0 ] || down' EXIT; up ;;
  down) down ;;
  test) run_tests "${2:-}" ;;
  reload)
    render_site
    "$(nginx_bin)" -e "$dir/nginx-error.log" -p "$dir" -c "$dir/nginx.conf" -t >"$dir/nginx-test.log" 2>&1 \
      || fail "nginx -t: $(cat "$dir/nginx-test.log")"
    kill -HUP "$(cat "$dir/nginx.master")" ;;
  load) shift; load "$@" ;;
  kill-instance) stop_pid "$dir/${2:?a of b}.pid" KILL ;;
  start-instance)
    name=${2:?a of b}
    [ ! -f "$dir/$name.pid" ] || fail "instantie $name draait nog (PID $(cat "$dir/$name.pid"))"
    launch_instance "$name"
    await_instance "$name" ;;
  *) echo "Gebruik: cluster.sh up|down|test [--no-build]|reload|load [users] [duration] [think] [ramp]|kill-instance a|b|start-instance a|b" >&2; exit 2 ;;
esac
