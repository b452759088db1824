-- Escalation rules, versioned like policies: a change is a new version; the old ones stay readable.
create table escalation_rule (
    id uuid not null,
    version integer not null,
    name varchar(200) not null,
    tier_id uuid,
    priority varchar(2),
    metric varchar(20),
    client_id uuid references client (id),
    ratio numeric(6, 4) not null,
    action varchar(20) not null,
    target varchar(2000) not null,
    secret varchar(200),
    active boolean not null,
    created_at timestamp with time zone not null,
    primary key (id, version)
);

-- The outbox: one delivery per (rule, clock cycle, threshold), written in the transaction that fires the
-- threshold; a sender claims them, with retries, until sent or dead.
create table delivery (
    id uuid primary key,
    rule_id uuid not null,
    rule_version integer not null,
    idempotency_key varchar(300) not null,
    ticket_id uuid not null references ticket (id),
    action varchar(20) not null,
    target varchar(2000) not null,
    payload varchar(8000) not null,
    state varchar(10) not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone,
    last_error varchar(1000),
    created_at timestamp with time zone not null,
    sent_at timestamp with time zone,
    constraint delivery_once unique (idempotency_key)
);

create index delivery_due on delivery (next_attempt_at);
