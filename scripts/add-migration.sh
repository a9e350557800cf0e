#!/usr/bin/env bash
# Adds one EF Core migration with the same name to both providers' migration sets ("Migrations with Multiple
# Providers": one context type per provider):
#   SQLite     ApplicationDbContext  src/GeneralistischWerkt.Training.Web/Data/Migrations
#   PostgreSQL PostgresDbContext     src/GeneralistischWerkt.Training.Web/Data/PostgresMigrations
# Usage: bash scripts/add-migration.sh <Name>
# The test MigrationSetsTests fails when one set does not reach the current model, so a forgotten side is caught.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "Gebruik: bash scripts/add-migration.sh <Naam>   (PascalCase, bv. TeamPractice)" >&2
  exit 2
fi
project=src/GeneralistischWerkt.Training.Web
dotnet tool restore >/dev/null
dotnet build "$project" -nologo -v quiet
dotnet ef migrations add "$1" --no-build --project "$project" --context ApplicationDbContext --output-dir Data/Migrations
# The app's own start-up code registers PostgresDbContext when asked for PostgreSQL; adding a migration only compares
# models, so no server is needed.
dotnet ef migrations add "$1" --no-build --project "$project" --context PostgresDbContext --output-dir Data/PostgresMigrations \
  -- --Database:Provider=Postgres "--ConnectionStrings:Default=Host=localhost;Database=gwt_design"
echo "Migratie $1 toegevoegd voor SQLite (Data/Migrations) en PostgreSQL (Data/PostgresMigrations)."
