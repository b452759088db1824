-- Escalation rules also fire on monitor events (down, up, error budget burning or recovered); such a
-- rule has no threshold, and its deliveries name a monitor instead of a ticket.
alter table escalation_rule add column fires_on varchar(20) default 'THRESHOLD' not null;
alter table escalation_rule alter column threshold drop not null;

alter table delivery alter column ticket_id drop not null;
-- A log entry, not a reference: deliveries outlive the monitor they were about.
alter table delivery add column monitor_id uuid;
