-- Each threshold of a clock cycle fires once: the row is the proof that it did, with the instant the
-- clock crossed it and the instant Pledge noticed.
create table clock_firing (
    ticket_id uuid not null references ticket (id),
    metric varchar(20) not null,
    cycle integer not null,
    ratio numeric(6, 4) not null,
    crossed_at timestamp with time zone not null,
    fired_at timestamp with time zone not null,
    primary key (ticket_id, metric, cycle, ratio)
);
