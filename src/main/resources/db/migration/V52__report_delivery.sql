-- Scheduled delivery of the compliance report and QBR pack (ADR 0033).

-- A report contact receives the client's scheduled reports by mail.
alter table client_contact add column reports boolean not null default false;

-- One schedule per client: monthly and/or quarterly, a number of days after the period closes. Each
-- cadence keeps the next period it owes and when that period is due; next_due_at is the earlier of the two
-- (null when the schedule owes nothing), the instant a scheduler claims the row at.
create table report_schedule (
    client_id uuid primary key references client (id) on delete cascade,
    enabled boolean not null,
    monthly boolean not null,
    quarterly boolean not null,
    days_after_close integer not null,
    starts_on date not null,
    next_month varchar(16),
    next_month_due_at timestamp with time zone,
    next_quarter varchar(16),
    next_quarter_due_at timestamp with time zone,
    next_due_at timestamp with time zone,
    updated_at timestamp with time zone not null,
    updated_by varchar(320) not null
);

create index report_schedule_due on report_schedule (next_due_at);

-- One row per report mailed (or owed) to a client for a period: edition 1 is the scheduled one, each
-- resend the next edition. A sent row keeps the PDF as sent, its SHA-256 (also in the audit log), the
-- recipients and the Message-ID, so that what the client received can be shown later.
create table report_delivery (
    id uuid primary key,
    client_id uuid not null references client (id) on delete cascade,
    period varchar(32) not null,
    edition integer not null,
    requested_by varchar(320) not null,
    state varchar(10) not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone,
    last_error varchar(1000),
    created_at timestamp with time zone not null,
    sent_at timestamp with time zone,
    recipients varchar(4000),
    subject varchar(500),
    message_id varchar(200),
    pdf bytea,
    pdf_sha256 varchar(64),
    pdf_size integer,
    constraint report_delivery_once unique (client_id, period, edition)
);

create index report_delivery_due on report_delivery (next_attempt_at);
create index report_delivery_client on report_delivery (client_id, created_at);
