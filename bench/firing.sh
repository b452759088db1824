#!/usr/bin/env bash
# Firing benchmark on PostgreSQL: DUE tickets (through signed ingest) whose 75 % threshold falls in a
# WINDOW-minute window, IDLE open tickets that are not due (written straight into the tables), then
# Pledge fires as time passes; reports, for the thresholds crossed in the window, how many fired and the
# lag from crossing to firing.
# Usage: bench/firing.sh [due] [idle] [window_minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
due="${1:-100000}"
idle="${2:-0}"
window="${3:-10}"
PLEDGE_BENCH_PORT=18082
. bench/pledge-server.sh
if [ "$idle" -gt 0 ]; then
  # Open tickets that are not due, written straight into the tables (ingest would take long for a
  # million): P2 tickets of acme with both clocks running and their next due instant a day away.
  start=$(date +%s)
  psql -h 127.0.0.1 -U postgres -d "$bench_db" -v ON_ERROR_STOP=1 -q <<SQL
create temporary table idle as
  select gen_random_uuid() as id, g from generate_series(1, $idle) g;
insert into ticket (id, client_id, contract_id, tier_id, policy_version, calendar_id, priority, status, subject,
                    source, external_id, created_at, updated_at, due_at, next_due_at, breached)
  select i.id, c.client_id, c.id, c.tier_id, 1, c.calendar_id, 'P2', 'NEW', 'idle', 'bench', 'IDLE-' || i.g,
         now(), now(), now() + interval '2 days', now() + interval '1 day', false
  from idle i, contract c join client k on k.id = c.client_id and k.slug = 'acme';
insert into ticket_clock (ticket_id, metric, state, priority, target_seconds, elapsed_seconds, cycle, due_at,
                          next_due_at, evaluated_at)
  select i.id, m.metric, 'RUNNING', 'P2', 3600, 0, 1, now() + interval '2 days', now() + interval '1 day', now()
  from idle i, (values ('FIRST_RESPONSE'), ('RESOLUTION')) m(metric);
SQL
  echo "inserted $idle idle tickets directly in $(( $(date +%s) - start )) s"
fi
# This machine's PostgreSQL runs without autovacuum: analyze the tables once loading has filled them a
# little, and again after, as autovacuum would on a production server.
(sleep 20; psql -h 127.0.0.1 -U postgres -d "$bench_db" -qc "analyze") &
java bench/FiringLoad.java http://127.0.0.1:$port bench "$secret" acme "$due" 0 "$window" | tee "$work/load.txt"
psql -h 127.0.0.1 -U postgres -d "$bench_db" -qc "analyze"
opens="$(sed -n 's/^window opens at //p' "$work/load.txt")"
# Wait for the window to pass, and ten seconds more.
until [ "$(date -u +%s)" -gt $(( $(date -u -d "$opens" +%s) + window * 60 + 10 )) ]; do sleep 5; done
psql -h 127.0.0.1 -U postgres -d "$bench_db" -c "
  select count(*) as fired_in_window,
         count(distinct (ticket_id, metric, cycle, threshold)) as distinct_firings,
         round(percentile_cont(0.5) within group (order by extract(epoch from fired_at - crossed_at))::numeric, 3) as lag_p50_s,
         round(percentile_cont(0.99) within group (order by extract(epoch from fired_at - crossed_at))::numeric, 3) as lag_p99_s,
         round(max(extract(epoch from fired_at - crossed_at))::numeric, 3) as lag_max_s
  from clock_firing
  where crossed_at >= '$opens'::timestamptz and crossed_at < '$opens'::timestamptz + interval '$window minutes'" \
  -c "select count(*) as due_in_window_not_fired from ticket_clock c
      where c.metric = 'FIRST_RESPONSE' and c.due_at is not null
        and c.due_at - interval '225 seconds' >= '$opens'::timestamptz
        and c.due_at - interval '225 seconds' < '$opens'::timestamptz + interval '$window minutes'
        and not exists (select 1 from clock_firing f where f.ticket_id = c.ticket_id and f.metric = c.metric and f.threshold = '0.75')" \
  -c "select count(*) as tickets from ticket"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -n 1)"
