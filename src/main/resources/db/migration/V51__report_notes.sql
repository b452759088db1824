-- The manager's notes printed in a client's QBR pack for one period, set before the pack is rendered.
-- period is the period's canonical text (2026-Q3, 2026-07, 2026-07-01..2026-09-30).
create table report_note (
    client_id uuid not null references client (id) on delete cascade,
    period varchar(32) not null,
    notes text not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(320) not null,
    primary key (client_id, period)
);
