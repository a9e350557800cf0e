#!/usr/bin/env bash
# A tiny load run so the load driver cannot rot: starts the built app (Debug, as scripts/test.sh builds it) on a free
# port with its own temporary data folder, seeds load-test accounts, runs bench/GeneralistischWerkt.Training.LoadDriver
# with 20 players for 40 s (longer than the driver's 30 s step time-out, and long enough for every player to finish
# a scenario and play it again), and fails when the driver saw an error or measured no click at all (its exit code).
# Usage: bash scripts/load-smoke.sh [configuration] [users] [duration] [think] [ramp] [driver options…]
# (the README's larger runs use the same script, e.g. Release 1000 60s 10s 300s)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${1:-Debug}
users=${2:-20}; think=${4:-1s}; ramp=${5:-5s}
duration=${3:-40s}

web="$(pwd)/src/GeneralistischWerkt.Training.Web"
app="$web/bin/$configuration/net10.0/GeneralistischWerkt.Training.Web.dll"
driver="bench/GeneralistischWerkt.Training.LoadDriver/bin/$configuration/net10.0/gwt-load.dll"
for built in "$app" "$driver"; do
  [ -f "$built" ] || { echo "Niet gebouwd: $built (eerst dotnet build -c $configuration)" >&2; exit 1; }
done

data=$(mktemp -d)
# A free port: one nobody answers on (bash's /dev/tcp, so no extra tools are needed).
source scripts/ports.sh
while :; do
  port=$(port_candidate)
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
done
export ASPNETCORE_ENVIRONMENT=Development Storage__DataDirectory="$data" Logging__LogLevel__Default=Warning
# Every player signs in from 127.0.0.1: lift the per-address sign-in limit for this run only.
export Security__SignInPerMinute=100000

app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

dotnet "$app" seed-load-users "$users" --contentRoot "$web" | tail -1
ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$app" --contentRoot "$web" >"$data/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$data/app.log" >&2; echo "De app stopte bij het starten." >&2; exit 1; }
  sleep 0.5
done

set +e
dotnet "$driver" --url "http://127.0.0.1:$port" --users "$users" --think "$think" --duration "$duration" --ramp "$ramp" "${@:6}"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "Belastingstest mislukt (fouten of geen enkele gemeten klik). Logboek van de app:" >&2
  tail -50 "$data/app.log" >&2
fi
exit "$status"
