#!/usr/bin/env bash
# Import benchmark: a generated ServiceNow export (150,000 rows by default), clocks included, on a fresh
# database with the demo catalog. Usage: bench/import.sh [h2|postgres] [rows] [server|command-line] [simple|real]
#  simple (default, the file of the figures in docs/BENCHMARKS.md before 2026-12-02): four or six rows per
#    incident, each a state change, the same few values in every row.
#  real: shaped like a real export (36 columns of real lengths, 5.8 rows per incident with a long tail,
#    updates that change no state, reassignments, reopenings), with a few rows in state -100, which the
#    import refuses and reports (mode skip-invalid).
#  server (default): a running Pledge takes the file three times through POST /api/v1/imports, as the
#    clients durand and northwind (warm-up: the JVM compiles the hot code as a long-running server has),
#    then as acme (measured); each into its own source, so every import stores the whole file.
#  command-line: one `java -jar pledge.jar import` in a new JVM, start-up excluded but compilation not.
# rows/s is the job's own figure, from the job's start to its end.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
rows="${2:-150000}"
mode="${3:-server}"
shape="${4:-simple}"
case "$shape" in
  simple) invalid=all-or-nothing ;;
  real) invalid=skip-invalid ;;
  *) echo "shape: simple or real" >&2; exit 2 ;;
esac
[ -n "${PLEDGE_BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -Pbench -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath -Dmdep.includeScope=test
machine="machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1)"
file="$(mktemp --suffix=.csv)"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath)" \
  io.pledge.bench.GenerateServiceNowExport "$file" "$rows" "$shape"

if [ "$mode" = server ]; then
  PLEDGE_BENCH_PORT=18082
  . bench/pledge-server.sh
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work" "$file"' EXIT
  for client in durand northwind acme; do
    location=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $token" -F "file=@$file" -F preset=servicenow \
      -F zone=Europe/Paris -F "mode=$invalid" -F "client=$client" "localhost:$port/api/v1/imports" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
    while job=$(curl -sf -H "Authorization: Bearer $token" "localhost:$port$location") \
      && grep -q '"state":"RUNNING"' <<< "$job"; do sleep 0.2; done
    echo "$client: $(grep -oE '"(state|rowsRead|tickets|events|rejected|rowsPerSecond)":[^,}]*' <<< "$job" | tr '\n' ' ')"
  done
  grep -oE "Import [0-9a-f-]+: read .*" "$work/pledge.log" || true
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work" "$file"' EXIT
  export PLEDGE_DATA_DIR="$work/data"
  if [ "$db" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists pledge_bench" -c "create database pledge_bench"
    export PLEDGE_DB_URL="${PLEDGE_BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/pledge_bench?reWriteBatchedInserts=true}"
    export PLEDGE_DB_USER=postgres
  fi
  LOGGING_LEVEL_IO_PLEDGE_TICKETS_IMPORTS=INFO PLEDGE_DEMO=true java -jar target/pledge.jar import --preset servicenow \
    --zone Europe/Paris --mode "$invalid" --client acme "$file" > "$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
  # The importer's own timing of its phases, then the job's outcome.
  tr '\r' '\n' < "$work/import.log" | grep -oE "Import [0-9a-f-]+: read .*" || true
  tail -n 1 "$work/import.log"
fi
echo "$machine"
