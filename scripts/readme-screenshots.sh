#!/usr/bin/env bash
# Takes the README's two pictures (the coach's start page and the scenario player) from the running app, in Chromium,
# and writes them to docs/images/. Rerun after a change to either page:
#   bash scripts/readme-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build GeneralistischWerkt.Training.sln -c Debug -nologo -v quiet
mkdir -p docs/images
GWT_README_IMAGES="$PWD/docs/images" dotnet test tests/GeneralistischWerkt.Training.EndToEnd --no-build \
  --filter "FullyQualifiedName~NotificationsAndStartPagesTests.Readme_pictures"
echo "Afbeeldingen bijgewerkt: docs/images/startpagina-coach.png en docs/images/scenariospeler.png"
