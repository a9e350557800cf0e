#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine: installs what is missing (Chromium for the browser
# tests, PostgreSQL, the local dotnet tools), builds, then runs `dotnet test` on the solution (SQLite), the Web tests
# once more on PostgreSQL, and last the cluster tests (scripts/cluster.sh: nginx, two instances, PostgreSQL, Redis).
# CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser tests, redis-server for the several-instances tests (PostgreSQL: scripts/postgres.sh).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Ontbreekt: ${missing[*]}: installeren met apt-get…"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

dotnet tool restore
dotnet build GeneralistischWerkt.Training.sln -c Debug -nologo -v quiet

log=$(mktemp)
work=$(mktemp -d)
trap 'bash scripts/postgres.sh stop "$work/pg"; rm -rf "$work"' EXIT
# The data-layer and privacy tests (the Web tests) also run on PostgreSQL: a private server from Debian's package.
# If it cannot start, the run fails here (never skipped).
postgres=$(bash scripts/postgres.sh start "$work/pg")

set +e
status=0
# The cluster tests need the cluster that scripts/cluster.sh starts; they run last, through that script.
dotnet test GeneralistischWerkt.Training.sln -c Debug --no-build -nologo --filter "Category!=Cluster" 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
echo "Dezelfde Web-tests op PostgreSQL…"
GWT_TEST_DB=postgres GWT_TEST_POSTGRES="$postgres" \
  dotnet test tests/GeneralistischWerkt.Training.Web.Tests -c Debug --no-build -nologo 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
echo "Een kleine belastingstest (20 spelers, 40 s) met de circuit-driver…"
bash scripts/load-smoke.sh Debug 20 40s || status=1
echo "De clustertests: nginx met deploy/nginx.conf voor twee instanties, PostgreSQL en Redis…"
bash scripts/cluster.sh test --no-build 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
set -e

# One closing line for the whole run, summed over the test projects.
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ total += $2 } END { print total + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "Er liep geen enkele test." >&2
  exit 1
fi
if [ "$skipped" -ne 0 ]; then
  echo "Er werden tests overgeslagen: een overgeslagen test verbergt een fout." >&2
  exit 1
fi
exit "$status"
