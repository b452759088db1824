#!/usr/bin/env bash
# Import benchmark: a generated 150,000-row ServiceNow export, clocks included, through the command line
# import on a fresh database. Usage: bench/import.sh [h2|postgres] [rows]
# PostgreSQL: PLEDGE_BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/pledge_bench, recreated).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
rows="${2:-150000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mvnw -q -B -Pbench -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath)" \
  io.pledge.bench.GenerateServiceNowExport "$work/export.csv" "$rows"
export PLEDGE_DATA_DIR="$work/data"
if [ "$db" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists pledge_bench" -c "create database pledge_bench"
  export PLEDGE_DB_URL="${PLEDGE_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/pledge_bench?reWriteBatchedInserts=true}"
  export PLEDGE_DB_USER=postgres
fi
# First start: schema, the demo catalog (client acme with a contract for the current year).
LOGGING_LEVEL_IO_PLEDGE_TICKETS_IMPORTS=INFO PLEDGE_DEMO=true java -jar target/pledge.jar import --preset servicenow --zone Europe/Paris --client acme \
  "$work/export.csv" > "$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
# The importer's own timing of its phases, then the job's outcome.
tr '\r' '\n' < "$work/import.log" | grep -oE "Import of .*" || true
tail -n 1 "$work/import.log"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1)"
