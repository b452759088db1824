#!/usr/bin/env bash
# What-if replay and target advisor on PostgreSQL over the year of 1,000,000 tickets (issue 19). Usage:
#   bench/advisor.sh build                  compile the benchmarks and copy them to $dir (run it under the
#                                           build lock; the run step runs from the copy, without it)
#   bench/advisor.sh run [FROM TO ROUNDS WARMUP]
#                                           on the database bench/reports.sh generate filled ($PLEDGE_BENCH_DB,
#                                           pledge_whatif by default): the replay of every tier's tickets of
#                                           the year under a tighter proposal, and the advisor for every tier
#                                           over the year, warm, ROUNDS rounds each (AdvisorBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${PLEDGE_BENCH_DIR:-/tmp/pledge-whatif-bench}"
database="${PLEDGE_BENCH_DB:-pledge_whatif}"
step="${1:-}"; shift || true
export PLEDGE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" PLEDGE_DB_USER=postgres
export PLEDGE_DATA_DIR="$dir/data" PLEDGE_BOOTSTRAP_TOKEN=bench-token-0123456789abcdef0123456789abcdef
classpath() { echo "$dir/test-classes:$dir/classes:$(cat "$dir/bench-classpath")"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD); load $(cut -d' ' -f1-3 /proc/loadavg)"
case "$step" in
  build)
    ./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath -Dmdep.includeScope=test
    rm -rf "$dir/classes" "$dir/test-classes"; mkdir -p "$dir"
    cp -r target/classes target/test-classes target/bench-classpath "$dir/" ;;
  run)
    java -Xmx3g ${PLEDGE_BENCH_JFR:+-XX:StartFlightRecording=filename=$dir/advisor.jfr,settings=profile} \
      -cp "$(classpath)" io.pledge.bench.AdvisorBenchmark "$@" ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
