#!/usr/bin/env bash
# The public trust pages under load (issue 18): at least 2,000 requests/s with p99 under 50 ms on the page,
# a badge and the feeds, served from the snapshot, with load from a second process (wrk) on loopback; and
# the API's latency while that load runs against its idle figure.
# Usage: bench/trust.sh [SECONDS [CONNECTIONS [PACED_DELAY_MS]]]
#   Starts the jar (target/pledge.jar) on a fresh H2 database with the public rate limit lifted (a visitor's
#   address gets 50/s by default; here every request comes from 127.0.0.1), publishes an MSP page (5 systems,
#   4 figures) and a client's page with an incident and a year of tickets and downtime, then:
#   1. for the page, the status badge, an availability badge, summary.json and the Atom feed in turn, wrk
#      flat out for SECONDS (20) with CONNECTIONS (32) connections on one thread: throughput and latency;
#   2. the API's latency idle: GET /api/v1/monitors/{id} with a token, one at a time for 10 s (ab);
#   3. the same while wrk sends the five public addresses in turn at a paced rate (each of CONNECTIONS
#      connections waits PACED_DELAY_MS (12) between its requests), for SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; connections="${2:-32}"; delay="${3:-12}"
command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
command -v ab > /dev/null || { echo "ab is needed (apt-get install apache2-utils)"; exit 1; }
command -v jq > /dev/null || { echo "jq is needed (apt-get install jq)"; exit 1; }
work="$(mktemp -d)"
port="${PLEDGE_BENCH_PORT:-18086}"
token="bench-token-0123456789abcdef0123456789abcdef"
base="http://127.0.0.1:$port"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f target/pledge.jar ] || ./mvnw -q -B -DskipTests package
env PLEDGE_DATA_DIR="$work/data" PLEDGE_BOOTSTRAP_TOKEN="$token" PLEDGE_PORT="$port" \
  PLEDGE_RATE_LIMITS_PUBLIC_PER_SECOND=1000000000 PLEDGE_RATE_LIMITS_PUBLIC_BURST=1000000000 \
  PLEDGE_MONITORING_INTERVAL=PT0S \
  java ${PLEDGE_JAVA_OPTS:-} -jar target/pledge.jar > "$work/pledge.log" 2>&1 &
pid=$!
trap 'kill $(jobs -p) 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/actuator/health" > /dev/null; do sleep 0.5; done

api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
at() { date -u -d "$1" +%FT%TZ; }
calendar="$(api -d '{"name": "Always", "zone": "UTC", "hours": "24x7"}' "$base/api/v1/calendars" | jq -r .id)"
tier="$(api -d '{"name": "Gold", "policy": {"targets": [
  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"}, {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
  {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT1H"}, {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"}]}}' \
  "$base/api/v1/tiers" | jq -r .id)"
client="$(api -d '{"name": "Acme Corp", "slug": "acme", "zone": "Europe/Paris"}' "$base/api/v1/clients" | jq -r .id)"
api -d "{\"tierId\": \"$tier\", \"calendarId\": \"$calendar\", \"startDate\": \"2020-01-01\", \"services\": [\"ERP\"], \"monthlyFee\": 1000, \"currency\": \"EUR\"}" \
  "$base/api/v1/clients/$client/contracts" > /dev/null
systems=""; monitors=()
for name in erp mail vpn files phones; do
  created="$(api -d "{\"client\": \"acme\", \"name\": \"$name-internal\", \"kind\": \"EXTERNAL\", \"target\": 99.95}" "$base/api/v1/monitors")"
  id="$(echo "$created" | jq -r .id)"; secret="$(echo "$created" | jq -r .secret)"; monitors+=("$id")
  for days in 300 200 120 60 20 5; do
    start="$(at "-$days days")"; end="$(at "-$days days +$(( RANDOM % 50 + 5 )) minutes")"
    for event in "DOWN $start" "UP $end"; do
      curl -sf -H "Authorization: Bearer $secret" -H 'Content-Type: application/json' \
        -d "{\"status\": \"${event% *}\", \"key\": \"k$days\", \"at\": \"${event#* }\"}" "$base/api/v1/ingest/monitor-events" > /dev/null
    done
  done
  systems="$systems${systems:+, }{\"monitorId\": \"$id\", \"name\": \"${name^}\"}"
done
for i in $(seq 1 120); do
  priority="P$(( i % 2 + 1 ))"; ago="-$(( i * 17 % 85 + 1 )) days"
  ticket="$(api -d "{\"client\": \"acme\", \"priority\": \"$priority\", \"service\": \"ERP\", \"subject\": \"Request $i\",
    \"createdAt\": \"$(at "$ago")\"}" "$base/api/v1/tickets" | jq -r .id)"
  api -d "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \"$(at "$ago +$(( RANDOM % 40 + 1 )) minutes")\"}" \
    "$base/api/v1/tickets/$ticket/events" > /dev/null
  api -d "{\"type\": \"RESOLVED\", \"at\": \"$(at "$ago +$(( RANDOM % 600 + 45 )) minutes")\"}" "$base/api/v1/tickets/$ticket/events" > /dev/null
done
figures='[{"metric": "FIRST_RESPONSE", "priority": "P1"}, {"metric": "RESOLUTION", "priority": "P1"},
          {"metric": "FIRST_RESPONSE", "priority": "P2"}, {"metric": "RESOLUTION", "priority": "P2"}]'
msp="$(api -d "{\"name\": \"Northwind IT\", \"published\": true, \"systems\": [$systems], \"figures\": $figures}" \
  "$base/api/v1/trust/pages" | jq -r .id)"
api -d "{\"client\": \"acme\", \"slug\": \"acme\", \"name\": \"Acme IT\", \"language\": \"fr\", \"published\": true,
  \"systems\": [$systems], \"figures\": $figures}" "$base/api/v1/trust/pages" > /dev/null
incident="$(api -d "{\"title\": \"Mail delayed\", \"impact\": \"MINOR\", \"systems\": [\"${monitors[1]}\"], \"message\": \"Looking.\"}" \
  "$base/api/v1/trust/pages/$msp/incidents" | jq -r .id)"
for status in IDENTIFIED MONITORING; do
  api -d "{\"status\": \"$status\", \"message\": \"$status now.\"}" "$base/api/v1/trust/pages/$msp/incidents/$incident/updates" > /dev/null
done
for path in /trust /trust/badges/status.svg /trust/badges/systems/erp/availability-90d.svg \
  /trust/api/v2/summary.json /trust/feed.atom /trust/acme; do
  printf '%-46s %s, %s bytes, %s gzipped\n' "$path" "$(curl -s -o /dev/null -w '%{http_code}' "$base$path")" \
    "$(curl -s "$base$path" | wc -c)" "$(curl -s -H 'Accept-Encoding: gzip' "$base$path" | wc -c)"
done

# Warm up the JIT on every address.
for path in /trust /trust/badges/status.svg /trust/api/v2/summary.json /trust/feed.atom /api/v1/trust/pages \
  "/api/v1/monitors/${monitors[0]}"; do
  ab -q -n 3000 -c 8 -H "Authorization: Bearer $token" -H "Accept-Encoding: gzip" "$base$path" > /dev/null
done

report() {
  awk -v name="$1" '
    /Requests\/sec/ {rate = $2}
    $1 == "50%" {p50 = $2} $1 == "90%" {p90 = $2} $1 == "99%" {p99 = $2}
    /Non-2xx/ {bad = $NF} /Socket errors/ {errors = $0}
    END {printf "%-34s %9s req/s  p50 %8s  p90 %8s  p99 %8s  non-2xx %s %s\n", name, rate, p50, p90, p99, bad + 0, errors}' "$2"
}
echo "1. wrk flat out, ${seconds} s each, $connections connections, 1 thread, Accept-Encoding: gzip as browsers send it:"
for path in /trust /trust/badges/status.svg /trust/badges/systems/erp/availability-90d.svg /trust/api/v2/summary.json /trust/feed.atom; do
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -H "Accept-Encoding: gzip" "$base$path" > "$work/wrk.txt"
  report "$path" "$work/wrk.txt"
done
wrk -t1 -c"$connections" -d"${seconds}s" --latency "$base/trust" > "$work/wrk.txt"
report "/trust without gzip" "$work/wrk.txt"

measure_api() {
  ab -t 10 -n 1000000 -c 1 -H "Authorization: Bearer $token" "$base/api/v1/monitors/${monitors[0]}" > "$work/ab.txt" 2> /dev/null
  printf '%-34s %6s requests  mean %s ms  p50 %s ms  p90 %s ms  p99 %s ms\n' "$1" \
    "$(awk '/^Complete requests/ {print $3}' "$work/ab.txt")" "$(awk '/^Time per request/ {print $4; exit}' "$work/ab.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$work/ab.txt")" "$(awk '$1 == "90%" {print $2}' "$work/ab.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$work/ab.txt")"
}
echo "2. API latency, GET /api/v1/monitors/{id} with a token, one at a time for 10 s:"
measure_api "idle"
cat > "$work/paced.lua" <<LUA
local paths = {"/trust", "/trust/badges/status.svg", "/trust/badges/systems/erp/availability-90d.svg",
               "/trust/api/v2/summary.json", "/trust/feed.atom"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
delay = function() return $delay end
LUA
wrk -t1 -c"$connections" -d"${seconds}s" --latency -H "Accept-Encoding: gzip" -s "$work/paced.lua" "$base" > "$work/paced.txt" &
wrk_pid=$!
sleep 3
measure_api "during the paced public load"
wait $wrk_pid
echo "3. the paced public load (five addresses in turn, ${delay} ms between a connection's requests):"
report "mixed" "$work/paced.txt"
echo "Pledge's resident memory at the end: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
