#!/usr/bin/env bash
# Times the real author command, `gwt check`, on the synthetic set (1,000 scenarios of 200 nodes plus a copy of
# content/), each run a new process as an author or CI would start it: so JIT and heap growth are included.
# Usage: bash bench/cli-check.sh [runs]   (Release build; the set is written to a temp folder and removed after)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
dir="$(mktemp -d -t gwt-cli-check-XXXXXX)"
trap 'rm -rf "$dir"' EXIT

dotnet build -c Release -v quiet -nologo src/GeneralistischWerkt.Training.Cli >/dev/null
dotnet run -c Release --project bench/GeneralistischWerkt.Training.Bench -- --write-synthetic "$dir/root"
cli="src/GeneralistischWerkt.Training.Cli/bin/Release/net10.0/gwt.dll"

for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  set +e
  dotnet "$cli" check --root "$dir/root" > "$dir/out.txt" 2>&1
  code=$?
  set -e
  end=$(date +%s.%N)
  printf 'run %d: %.2f s, exit code %d, %s\n' "$i" "$(echo "$end - $start" | bc)" "$code" "$(tail -1 "$dir/out.txt")"
done
