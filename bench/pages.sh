#!/usr/bin/env bash
# Page load over a filled PostgreSQL database (issue 17). Fill it first with the report benchmarks' data and
# open tickets, e.g. `bench/reports.sh build && bench/reports.sh generate 300000 100000` (1,000 clients).
# Usage: bench/pages.sh [REQUESTS [CONCURRENCY [IDLE_SECONDS]]]
#   Starts the jar (target/pledge.jar) on that database, signs in as a new service manager, then for each
#   page (the queue, the queue of the largest client, the queue of breached tickets, a ticket, the dashboard,
#   the dashboard's figures) sends REQUESTS requests (500) from CONCURRENCY clients (4) with ab on loopback
#   and prints its percentiles; then keeps 200 dashboards polling every 10 s (If-None-Match, as the page
#   does, each dashboard keeping the ETag of its last answer) for IDLE_SECONDS (120) and prints the CPU the Pledge process used meanwhile, as a share of a core,
#   beside what it used over as long with no page open, and the part of it the thread that computes the
#   dashboard's figures again used (a figure that does not depend on how fast this script polls).
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-500}"; concurrency="${2:-4}"; idle="${3:-120}"
database="${PLEDGE_BENCH_DB:-pledge_reports}"
port="${PLEDGE_BENCH_PORT:-18084}"
token="bench-token-0123456789abcdef0123456789abcdef"
password="bench-manager-password-0123"
work="$(mktemp -d)"
base="http://127.0.0.1:$port"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"
echo "database: $database, $(psql -h 127.0.0.1 -U postgres -d "$database" -Atc "select count(*) from client") clients, $(psql -h 127.0.0.1 -U postgres -d "$database" -Atc "select count(*) from ticket") tickets, $(psql -h 127.0.0.1 -U postgres -d "$database" -Atc "select count(*) from ticket_clock where stopped_at is null") clocks running or paused"
[ -f target/pledge.jar ] || ./mvnw -q -B -DskipTests package
env PLEDGE_DATA_DIR="$work/data" PLEDGE_BOOTSTRAP_TOKEN="$token" PLEDGE_PORT="$port" \
  PLEDGE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" PLEDGE_DB_USER=postgres \
  java ${PLEDGE_JAVA_OPTS:-} -jar target/pledge.jar > "$work/pledge.log" 2>&1 &
pid=$!
trap 'kill $(jobs -p) 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/actuator/health" > /dev/null; do sleep 0.5; done

api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
email="manager-$(date +%s)@bench.example"
api -d "{\"email\": \"$email\", \"password\": \"$password\", \"role\": \"MANAGER\"}" "$base/api/v1/users" > /dev/null
jar="$work/cookies"
csrf="$(curl -sf -c "$jar" -b "$jar" "$base/login" | grep -oE 'name="_csrf" value="[^"]+"' | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/')"
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$email" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$csrf" "$base/login"
session="$(awk '$6 == "JSESSIONID" {print $7}' "$jar")"
ticket="$(api "$base/api/v1/tickets?client=client-0000&limit=1" | grep -oE '"id" *: *"[0-9a-f-]{36}"' | head -n 1 | grep -oE '[0-9a-f-]{36}')"

measure() {
  local name="$1" path="$2"
  # One warm-up round, then the measured one.
  ab -q -n "$requests" -c "$concurrency" -C "JSESSIONID=$session" "$base$path" > /dev/null
  ab -n "$requests" -c "$concurrency" -C "JSESSIONID=$session" "$base$path" > "$work/ab.txt"
  local failed non2xx
  failed="$(awk '/^Failed requests/ {print $3}' "$work/ab.txt")"
  non2xx="$(awk '/^Non-2xx responses/ {print $3}' "$work/ab.txt")"
  printf '%-28s %s req/s  p50 %s ms  p95 %s ms  p99 %s ms  max %s ms  failed %s  non-2xx %s\n' "$name" \
    "$(awk '/^Requests per second/ {print $4}' "$work/ab.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$work/ab.txt")" "$(awk '$1 == "95%" {print $2}' "$work/ab.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$work/ab.txt")" "$(awk '$1 == "100%" {print $2}' "$work/ab.txt")" \
    "$failed" "${non2xx:-0}"
}
# The dashboard's first viewer waits for its figures (a compliance report per client): once, before ab,
# whose requests time out after 30 s.
curl -sf -o /dev/null -m 900 -b "JSESSIONID=$session" "$base/dashboard/figures"
echo "pages: $requests requests each, $concurrency at a time, after as many to warm up"
measure "queue" "/queue"
measure "queue, largest client" "/queue?client=client-0000"
measure "queue, breached" "/queue?breached=yes"
measure "ticket" "/tickets/$ticket"
measure "dashboard" "/dashboard"
measure "dashboard figures" "/dashboard/figures"

etag="$(curl -sf -D - -o /dev/null -b "JSESSIONID=$session" "$base/dashboard/figures" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')"
mkdir -p "$work/etags"
for d in $(seq 0 199); do echo "$etag" > "$work/etags/$d"; done
# One poll of dashboard $1, as its page polls: with the ETag it holds, keeping the new one after a 200.
poll() {
  local head code
  head="$(curl -s -D - -o /dev/null -b "JSESSIONID=$session" -H "If-None-Match: $(cat "$work/etags/$1")" \
    "$base/dashboard/figures")"
  code="$(echo "$head" | awk 'NR == 1 {print $2}')"
  echo "$code" >> "$codes"
  if [ "$code" = 200 ]; then
    echo "$head" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r' > "$work/etags/$1"
  fi
}
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# The CPU of the thread that computes the dashboard's figures again (named dashboard-refresh, 15 characters
# of it in comm), 0 before it first runs: the part of the dashboards' cost that the figures are.
refresh_ticks() {
  local task
  for task in /proc/"$pid"/task/*; do
    if [ "$(cat "$task/comm" 2>/dev/null)" = "dashboard-refre" ]; then awk '{print $14 + $15}' "$task/stat"; return; fi
  done
  echo 0
}
hz="$(getconf CLK_TCK)"
share() { echo "scale=1; 100 * ($3 - $1) / $hz / ($4 - $2)" | bc; }
# Pledge's own background work (gauges, checks, firings) with no page open, over the same time.
before="$(ticks)"; started="$(date +%s.%N)"
sleep "$idle"
after="$(ticks)"; ended="$(date +%s.%N)"
alone="$(share "$before" "$started" "$after" "$ended")"
before="$(ticks)"; refresh_before="$(refresh_ticks)"; started="$(date +%s.%N)"
codes="$work/codes"
end=$(( $(date +%s) + idle ))
# 200 dashboards polling every 10 s: 20 polls a second, two every 0.1 s, dashboard after dashboard.
n=0
while [ "$(date +%s)" -lt "$end" ]; do
  poll $(( n % 200 )) &
  poll $(( (n + 1) % 200 )) &
  n=$(( n + 2 ))
  sleep 0.1
done
sleep 2
after="$(ticks)"; refresh_after="$(refresh_ticks)"; ended="$(date +%s.%N)"
echo "200 dashboards polling every 10 s for ${idle} s: $(wc -l < "$codes") polls ($(grep -c '^304$' "$codes") answered 304);" \
  "Pledge used $(share "$before" "$started" "$after" "$ended") % of one core, against $alone % with no page open;" \
  "the figures' refresh thread $(share "$refresh_before" "$started" "$refresh_after" "$ended") %"
