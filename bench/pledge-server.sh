# Sourced by the benchmarks that drive a running Pledge: builds the jar if needed, starts Pledge with the
# demo catalog and an admin token, registers the ingest source "bench" with $secret, and stops Pledge
# when the calling script exits. The database is a fresh PostgreSQL database named by PLEDGE_BENCH_DB
# (pledge_bench unless set), or with db=h2 set before sourcing, a fresh embedded H2 file database in the
# temporary folder.
# Sets: work (a temporary folder), token, secret, port, pid, bench_db.
work="$(mktemp -d)"
token="bench-token-0123456789abcdef0123456789abcdef"
secret="bench-secret-0123456789abcdef0123456789abcdef"
port="${PLEDGE_BENCH_PORT:-18081}"
bench_db="${PLEDGE_BENCH_DB:-pledge_bench}"
[ -f target/pledge.jar ] || ./mvnw -q -B -DskipTests package
if [ "${db:-postgres}" = h2 ]; then
  database=()
else
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $bench_db" -c "create database $bench_db"
  database=(PLEDGE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$bench_db?reWriteBatchedInserts=true" PLEDGE_DB_USER=postgres)
fi
env PLEDGE_DATA_DIR="$work/data" PLEDGE_DEMO=true PLEDGE_BOOTSTRAP_TOKEN="$token" PLEDGE_PORT="$port" "${database[@]}" \
  java ${PLEDGE_JAVA_OPTS:-} -jar target/pledge.jar > "$work/pledge.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "localhost:$port/actuator/health" > /dev/null; do sleep 0.5; done
curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\": \"bench\", \"secret\": \"$secret\"}" "localhost:$port/api/v1/sources" > /dev/null
