#!/usr/bin/env bash
# Ingest benchmark: single-event signed webhook requests from a second process on loopback against
# Pledge on PostgreSQL (fresh database pledge_bench). Usage: bench/ingest.sh [threads] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${1:-16}"
seconds="${2:-30}"
work="$(mktemp -d)"
token="bench-token-0123456789abcdef0123456789abcdef"
secret="bench-secret-0123456789abcdef0123456789abcdef"
[ -f target/pledge.jar ] || ./mvnw -q -B -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists pledge_bench" -c "create database pledge_bench"
PLEDGE_DATA_DIR="$work" PLEDGE_DEMO=true PLEDGE_BOOTSTRAP_TOKEN="$token" PLEDGE_PORT=18081 \
  PLEDGE_DB_URL="jdbc:postgresql://127.0.0.1:5432/pledge_bench" PLEDGE_DB_USER=postgres \
  java ${PLEDGE_JAVA_OPTS:-} -jar target/pledge.jar > "$work/pledge.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf localhost:18081/actuator/health > /dev/null; do sleep 0.5; done
curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\": \"bench\", \"secret\": \"$secret\"}" localhost:18081/api/v1/sources > /dev/null
# This machine's PostgreSQL runs without autovacuum: analyze the tables once the 20-second warm-up has
# filled them, as autovacuum would on a production server, so that the planner knows their size.
(sleep 15; psql -h 127.0.0.1 -U postgres -d pledge_bench -qc "analyze") &
java bench/IngestLoad.java http://127.0.0.1:18081 bench "$secret" acme "$threads" "$seconds" 20
echo "tickets: $(psql -h 127.0.0.1 -U postgres -d pledge_bench -Atc 'select count(*) from ticket'), events: $(psql -h 127.0.0.1 -U postgres -d pledge_bench -Atc 'select count(*) from ticket_event')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1)"
