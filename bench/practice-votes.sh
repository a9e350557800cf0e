#!/usr/bin/env bash
# Samen oefenen: one "Samen beslissen" session with N participants who vote at the same moment, decision after decision;
# prints p50/p95 of the time from a vote to the facilitator's updated count (see PracticeVoteBenchCommand.cs for what is
# and is not inside that time). Runs the Release build against a fresh, temporary data folder.
# Usage: bash bench/practice-votes.sh [participants=30] [decisions=20]
set -euo pipefail
cd "$(dirname "$0")/.."
participants="${1:-30}"
decisions="${2:-20}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
dotnet build -c Release -nologo -v quiet src/GeneralistischWerkt.Training.Web >/dev/null
ASPNETCORE_ENVIRONMENT=Development Storage__DataDirectory="$data" Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --project src/GeneralistischWerkt.Training.Web -- bench-practice "$participants" "$decisions"
