#!/usr/bin/env bash
# Report benchmarks over a large PostgreSQL database (issue 16). Usage:
#   bench/reports.sh build                  compile the benchmarks and copy them to $dir (run it under the
#                                           build lock; the other steps run from the copy, without it)
#   bench/reports.sh generate [TICKETS [OPEN]]
#                                           create database pledge_reports and fill it (ReportData:
#                                           1,000 clients, TICKETS tickets over a year, 1,000,000 by default,
#                                           and OPEN tickets opened over the last ten days, none by default)
#   bench/reports.sh reports [PERIOD ROUNDS CLIENT...]
#                                           the compliance report and the overview against hand-written SQL,
#                                           interleaved, same figures checked (ReportBenchmark)
#   bench/reports.sh packs [PERIOD PACKS WARM_CLIENT]
#                                           one QBR pack warm, then PACKS packs in one run, in a JVM with
#                                           -Xmx512m and a GC log (QbrPackRun)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${PLEDGE_BENCH_DIR:-/tmp/pledge-reports-bench}"
database="${PLEDGE_BENCH_DB:-pledge_reports}"
step="${1:-}"; shift || true
export PLEDGE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database?reWriteBatchedInserts=true" PLEDGE_DB_USER=postgres
export PLEDGE_DATA_DIR="$dir/data" PLEDGE_BOOTSTRAP_TOKEN=bench-token-0123456789abcdef0123456789abcdef
run() { java -Djava.awt.headless=true -Dpdfbox.fontcache="$dir" "$@"; }
classpath() { echo "$dir/test-classes:$dir/classes:$(cat "$dir/bench-classpath")"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"
case "$step" in
  build)
    ./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath -Dmdep.includeScope=test
    rm -rf "$dir/classes" "$dir/test-classes"; mkdir -p "$dir"
    cp -r target/classes target/test-classes target/bench-classpath "$dir/" ;;
  generate)
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $database" -c "create database $database"
    rm -rf "$dir/data"
    run -Xmx2g -cp "$(classpath)" io.pledge.bench.ReportData "${1:-1000000}" "${2:-0}"
    psql -h 127.0.0.1 -U postgres -d "$database" -qc "vacuum analyze" ;;
  reports)
    run -Xmx1g -cp "$(classpath)" io.pledge.bench.ReportBenchmark "$@" ;;
  packs)
    run -Xmx512m -Xlog:gc:file="$dir/gc.log" -cp "$(classpath)" io.pledge.bench.QbrPackRun "$@"
    # The heap just before each collection is the heap's high-water mark between two collections.
    echo "GC log: highest heap before a collection $(grep -oE '[0-9]+M->' "$dir/gc.log" | sed 's/M->//' | sort -n | tail -1) MiB, $(grep -c 'Pause' "$dir/gc.log") pauses" ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
