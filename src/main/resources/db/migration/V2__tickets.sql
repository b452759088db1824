-- Tickets with their append-only events and one row per SLA clock; teams and technicians; ingest
-- sources with their signing secrets and status mappings; import jobs.

create table team (
    id uuid primary key,
    name varchar(200) not null,
    email varchar(320),
    created_at timestamp with time zone not null,
    constraint team_name_unique unique (name)
);

create table technician (
    id uuid primary key,
    name varchar(200) not null,
    email varchar(320) not null,
    team_id uuid references team (id),
    created_at timestamp with time zone not null,
    constraint technician_email_unique unique (email)
);

create table ticket_source (
    name varchar(63) primary key,
    secret varchar(200) not null,
    created_at timestamp with time zone not null
);

-- An MSP's own status names mapped onto the engine's statuses, per source.
create table status_mapping (
    source varchar(63) not null references ticket_source (name) on delete cascade,
    label varchar(200) not null,
    status varchar(30) not null,
    primary key (source, label)
);

create table ticket (
    id uuid primary key,
    client_id uuid not null references client (id),
    contract_id uuid references contract (id),
    tier_id uuid,
    policy_version integer,
    calendar_id uuid,
    scope_reason varchar(500),
    priority varchar(2) not null,
    status varchar(30) not null,
    status_label varchar(200),
    service varchar(200),
    subject varchar(500) not null,
    description text,
    requester varchar(320),
    source varchar(100),
    external_id varchar(200),
    assignee_technician_id uuid references technician (id),
    assignee_team_id uuid references team (id),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    due_at timestamp with time zone,
    next_due_at timestamp with time zone,
    breached boolean not null,
    constraint ticket_external_unique unique (source, external_id)
);

create index ticket_queue on ticket (next_due_at, id);
create index ticket_client_queue on ticket (client_id, next_due_at, id);

-- Append-only: rows are inserted, never updated or deleted.
create table ticket_event (
    ticket_id uuid not null references ticket (id),
    seq bigint not null,
    -- Random, unique by construction; events are addressed by (ticket_id, seq).
    id uuid not null,
    type varchar(30) not null,
    at timestamp with time zone not null,
    priority varchar(2),
    status varchar(30),
    status_label varchar(200),
    author varchar(10),
    is_public boolean,
    body text,
    technician_id uuid,
    team_id uuid,
    source varchar(100),
    event_id varchar(200),
    recorded_at timestamp with time zone not null,
    primary key (ticket_id, seq),
    constraint ticket_event_idempotency unique (source, event_id)
);

create table ticket_clock (
    ticket_id uuid not null references ticket (id),
    metric varchar(20) not null,
    state varchar(12) not null,
    priority varchar(2) not null,
    target_seconds bigint not null,
    elapsed_seconds bigint not null,
    cycle integer not null,
    due_at timestamp with time zone,
    next_due_at timestamp with time zone,
    breached_at timestamp with time zone,
    stopped_at timestamp with time zone,
    evaluated_at timestamp with time zone not null,
    primary key (ticket_id, metric)
);

-- Running clocks have a next due instant; stopped and paused ones have none.
create index ticket_clock_next_due on ticket_clock (next_due_at);

create table import_job (
    id uuid primary key,
    preset varchar(20) not null,
    client_id uuid not null references client (id),
    zone varchar(64) not null,
    mode varchar(20) not null,
    file_name varchar(500),
    state varchar(30) not null,
    rows_read bigint not null,
    tickets bigint not null,
    events bigint not null,
    rejected bigint not null,
    errors text,
    created_by varchar(320) not null,
    started_at timestamp with time zone not null,
    finished_at timestamp with time zone
);

-- The own source: status mappings of tickets opened in Pledge itself. It takes no signed ingest.
insert into ticket_source (name, secret, created_at) values ('pledge', '-', current_timestamp);
