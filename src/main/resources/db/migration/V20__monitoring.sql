-- Uptime monitoring: monitors of clients' critical systems, their downtime, compact check statistics,
-- maintenance windows and monitoring gaps (Pledge's own network failing).

create table monitor (
    id uuid primary key,
    client_id uuid not null references client (id),
    contract_id uuid,
    service text,
    name text not null,
    kind text not null check (kind in ('HTTP', 'TCP', 'TLS', 'HEARTBEAT', 'EXTERNAL')),
    -- the kind's settings (url, method, expected status, host, port, labels...) as a JSON object
    settings text not null,
    interval_seconds integer not null check (interval_seconds >= 10),
    timeout_seconds integer not null check (timeout_seconds >= 1),
    down_after integer not null check (down_after >= 1),
    up_after integer not null check (up_after >= 1),
    target numeric(7, 4) not null,
    calendar_id uuid,
    -- SHA-256 (hex) of the heartbeat token or of the inbound alert secret; the secret itself is not kept
    secret_hash text,
    active boolean not null,
    retired boolean not null default false,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    -- state: PENDING (no verdict yet), UP or DOWN, as confirmed by consecutive checks
    status text not null,
    status_since timestamp with time zone,
    next_check_at timestamp with time zone,
    failures integer not null default 0,
    successes integer not null default 0,
    run_started_at timestamp with time zone,
    last_check_at timestamp with time zone,
    last_ok boolean,
    last_latency_ms integer,
    last_error text,
    last_beat_at timestamp with time zone,
    fast_burn boolean not null default false,
    slow_burn boolean not null default false
);

create index monitor_due on monitor (next_check_at);
create index monitor_client on monitor (client_id);
create unique index monitor_secret on monitor (secret_hash);

-- [started_at, ended_at): ended_at null while open. Probe downtime starts at the first failed check
-- of the run that confirmed DOWN and ends at the first successful check of the run that confirmed UP.
-- Alert downtime carries the key of the alert (source, fingerprint and start) so repeats are no-ops.
create table downtime (
    id uuid primary key,
    monitor_id uuid not null references monitor (id),
    started_at timestamp with time zone not null,
    ended_at timestamp with time zone,
    source text not null check (source in ('CHECKS', 'HEARTBEAT', 'ALERTMANAGER', 'JSON')),
    alert_key text,
    reason text,
    opened_at timestamp with time zone not null,
    closed_at timestamp with time zone
);

create index downtime_monitor on downtime (monitor_id, started_at);
create unique index downtime_alert on downtime (monitor_id, alert_key);

-- Check results kept compactly: one row per monitor and hour, and per monitor and day, with a latency
-- histogram (upper bounds 100 ms, 250 ms, 500 ms, 1 s, 2.5 s, 5 s, 10 s, above).
create table monitor_check_stat (
    monitor_id uuid not null references monitor (id),
    granularity text not null check (granularity in ('HOUR', 'DAY')),
    bucket_start timestamp with time zone not null,
    checks integer not null,
    failures integer not null,
    latency_sum_ms bigint not null,
    latency_min_ms integer not null,
    latency_max_ms integer not null,
    le_100 integer not null,
    le_250 integer not null,
    le_500 integer not null,
    le_1000 integer not null,
    le_2500 integer not null,
    le_5000 integer not null,
    le_10000 integer not null,
    over_10000 integer not null,
    primary key (monitor_id, granularity, bucket_start)
);

create index monitor_check_stat_age on monitor_check_stat (granularity, bucket_start);

-- A one-off window has starts_at/ends_at; a weekly one has zone, days (MON,TUE...), start_time (HH:MM)
-- and duration_seconds, optionally bounded by starts_at/ends_at. No monitor: every monitor of the client.
create table maintenance_window (
    id uuid primary key,
    client_id uuid not null references client (id),
    monitor_id uuid references monitor (id),
    name text not null,
    recurrence text not null check (recurrence in ('ONCE', 'WEEKLY')),
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    zone text,
    days text,
    start_time text,
    duration_seconds integer,
    created_at timestamp with time zone not null
);

create index maintenance_window_client on maintenance_window (client_id);

-- Time when a node could not tell its clients' systems from its own network: not client downtime.
create table monitoring_gap (
    id uuid primary key,
    node text not null,
    started_at timestamp with time zone not null,
    ended_at timestamp with time zone not null,
    reason text not null,
    checks integer not null,
    failures integer not null
);

create index monitoring_gap_time on monitoring_gap (started_at);
