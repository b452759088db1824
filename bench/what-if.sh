#!/usr/bin/env bash
# What-if replay and target advisor on H2 (issue 19). Usage:
#   bench/what-if.sh build                 compile the benchmarks and copy them to $dir (run it under the
#                                          build lock; the run step runs from the copy, without it)
#   bench/what-if.sh run [TICKETS ROUNDS]  a fresh H2 database in $dir/data filled with TICKETS tickets
#                                          (25,000 by default, four events each), then the replay of a
#                                          proposal over the quarter, the same through HTTP, and the advisor,
#                                          ROUNDS warm rounds each (10 by default) (WhatIfBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${PLEDGE_BENCH_DIR:-/tmp/pledge-what-if-bench}"
step="${1:-}"; shift || true
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
    rm -rf "$dir/data"
    java -Xmx1g -cp "$(classpath)" io.pledge.bench.WhatIfBenchmark "$@" ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
