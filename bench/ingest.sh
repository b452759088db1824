#!/usr/bin/env bash
# Ingest benchmark: single-event signed webhook requests from a second process on loopback against
# Pledge on PostgreSQL (fresh database pledge_bench). Usage: bench/ingest.sh [threads] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${1:-16}"
seconds="${2:-30}"
PLEDGE_BENCH_PORT=18081
. bench/pledge-server.sh
# This machine's PostgreSQL runs without autovacuum: analyze the tables once the 20-second warm-up has
# filled them, as autovacuum would on a production server, so that the planner knows their size.
(sleep 15; psql -h 127.0.0.1 -U postgres -d "$bench_db" -qc "analyze") &
java bench/IngestLoad.java http://127.0.0.1:$port bench "$secret" acme "$threads" "$seconds" 20
echo "tickets: $(psql -h 127.0.0.1 -U postgres -d "$bench_db" -Atc 'select count(*) from ticket'), events: $(psql -h 127.0.0.1 -U postgres -d "$bench_db" -Atc 'select count(*) from ticket_event')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1)"
