#!/usr/bin/env bash
# Uptime benchmark on PostgreSQL: MONITORS HTTP monitors at a 30 s interval against a local HTTP server,
# checked by one Pledge node for MINUTES after a warm-up of one interval; reports the start lag of the
# checks (due instant to start, from Pledge's pledge.monitoring.check.lag timer), the checks done, and
# Pledge's CPU time and resident memory over the measured period.
# Usage: bench/monitoring.sh [monitors] [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
monitors="${1:-1000}"
minutes="${2:-5}"
PLEDGE_BENCH_PORT=18083
target_port=18093
. bench/pledge-server.sh
java bench/UptimeTarget.java "$target_port" > "$work/target.log" 2>&1 &
target_pid=$!
trap 'kill $pid $target_pid 2>/dev/null; wait $pid $target_pid 2>/dev/null; rm -rf "$work"' EXIT
until grep -q listening "$work/target.log"; do sleep 0.2; done

start=$(date +%s)
for i in $(seq 1 "$monitors"); do
  printf '{"client": "acme", "name": "Site %d", "kind": "HTTP", "url": "http://127.0.0.1:%d/site/%d", "interval": "PT30S", "timeout": "PT5S"}\n' \
    "$i" "$target_port" "$i"
done | while read -r body; do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" \
    "localhost:$port/api/v1/monitors"
done
echo "created $monitors monitors in $(( $(date +%s) - start )) s"

# Warm-up: one interval, so that every monitor has been checked once and the lag window restarts.
sleep 35
scrape() { curl -sf "localhost:$port/actuator/prometheus" | grep '^pledge_monitoring_check_lag_seconds' || true; }
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
checks() { psql -h 127.0.0.1 -U postgres -d "$bench_db" -tAc "select coalesce(sum(checks), 0) from monitor_check_stat where granularity = 'DAY'"; }
cpu0=$(cpu); checks0=$(checks); t0=$(date +%s.%N); before="$(scrape)"
peak_rss=0
end=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
  sleep 5
done
cpu1=$(cpu); checks1=$(checks); t1=$(date +%s.%N); after="$(scrape)"
elapsed=$(echo "$t1 - $t0" | bc -l)
echo "measured ${minutes} min after a 35 s warm-up; $monitors HTTP monitors every 30 s"
echo "checks recorded in the period: $(( checks1 - checks0 )) (expected about $(( monitors * minutes * 2 )))"
echo "start lag of the checks started in the period (Pledge's pledge.monitoring.check.lag histogram, difference of the two scrapes):"
count0=$(echo "$before" | sed -n 's/^pledge_monitoring_check_lag_seconds_count[^ ]* //p')
count1=$(echo "$after" | sed -n 's/^pledge_monitoring_check_lag_seconds_count[^ ]* //p')
total=$(echo "$count1 - $count0" | bc)
echo "  checks started: $total"
p50=""; p99=""
for le in $(echo "$after" | sed -n 's/^pledge_monitoring_check_lag_seconds_bucket{.*le="\([^"]*\)".*/\1/p'); do
  b0=$(echo "$before" | grep -F "le=\"$le\"" | awk '{print $NF}')
  b1=$(echo "$after" | grep -F "le=\"$le\"" | awk '{print $NF}')
  n=$(echo "${b1:-0} - ${b0:-0}" | bc)
  echo "  started at most ${le} s late: $n"
  if [ -z "$p50" ] && [ "$(echo "$n >= 0.50 * $total" | bc)" = 1 ]; then p50=$le; fi
  if [ -z "$p99" ] && [ "$(echo "$n >= 0.99 * $total" | bc)" = 1 ]; then p99=$le; fi
done
echo "  p50 <= ${p50} s, p99 <= ${p99} s; max over the last minutes: $(echo "$after" | sed -n 's/^pledge_monitoring_check_lag_seconds_max[^ ]* //p') s"
echo "Pledge CPU: $(echo "($cpu1 - $cpu0) / $ticks" | bc -l | xargs printf '%.1f') s in $(printf '%.0f' "$elapsed") s = $(echo "($cpu1 - $cpu0) / $ticks / $elapsed * 100" | bc -l | xargs printf '%.1f') % of one core"
echo "Pledge resident memory: peak $(( peak_rss / 1024 )) MiB, at the end $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
echo "PostgreSQL: $(psql -h 127.0.0.1 -U postgres -d "$bench_db" -tAc "select count(*) from monitor") monitors, $(psql -h 127.0.0.1 -U postgres -d "$bench_db" -tAc "select count(*) from monitor_check_stat") statistics rows, $(psql -h 127.0.0.1 -U postgres -d "$bench_db" -tAc "select count(*) from downtime") downtime rows"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1)"
