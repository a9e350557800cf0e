#!/usr/bin/env bash
# Coarse check that a sign-in with an unknown e-mail address takes as long as one with a known address and a wrong
# password (both check one password hash; see ActiveAccountSignInManager). Starts the app in Development on a free
# port with a fresh data folder (demo accounts), then times N posts of each kind and prints the medians.
# Known addresses rotate over the six demo accounts with at most 4 wrong passwords each, so none gets locked (a locked
# account answers differently anyway). Not part of the test suite: timings on a shared machine are noisy.
# Usage: bash bench/sign-in-timing.sh [posts per kind, at most 24]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-24}"
dir="$(mktemp -d -t gwt-sign-in-XXXXXX)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

dotnet build -c Release -v quiet -nologo src/GeneralistischWerkt.Training.Web >/dev/null
(cd src/GeneralistischWerkt.Training.Web && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" \
  Storage__DataDirectory="$dir/data" Security__SignInPerMinute=10000 Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/GeneralistischWerkt.Training.Web.dll >"$dir/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$dir"' EXIT
until curl -sf -o /dev/null "$base/account/aanmelden"; do sleep 0.5; done

post() { # email -> seconds for the POST alone
  rm -f "$dir/jar"
  token=$(curl -s -c "$dir/jar" -b "$dir/jar" "$base/account/aanmelden" \
    | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -w '%{time_total}\n' -c "$dir/jar" -b "$dir/jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "_handler=aanmelden" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Fout-wachtwoord-1" \
    "$base/account/aanmelden"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

known=(beheerder werkbegeleider ann.coach bram.coach werkbegeleider2 cas.coach)
post "opwarmen@demo.gwt.be" >/dev/null
for i in $(seq 0 $((n - 1))); do
  post "onbekend$i@demo.gwt.be" >>"$dir/unknown"
  post "${known[$((i % 6))]}@demo.gwt.be" >>"$dir/known"
done
printf 'onbekend adres:            mediaan %.1f ms (%d posts)\n' "$(median <"$dir/unknown" | awk '{print $1*1000}')" "$n"
printf 'bekend adres, fout wachtwoord: mediaan %.1f ms (%d posts)\n' "$(median <"$dir/known" | awk '{print $1*1000}')" "$n"
