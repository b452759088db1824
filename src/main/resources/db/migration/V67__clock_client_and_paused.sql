-- Reports read a client's clock rows of a period as one index range, and the pause time of each clock
-- from its row instead of replaying the ticket's events (docs/adr/0030-reports-computed-when-read.md).
-- The client, tier and creation instant are the ticket's, fixed at its creation; ClockRefresh writes them
-- with every row.
alter table ticket_clock add column client_id uuid;
alter table ticket_clock add column tier_id uuid;
alter table ticket_clock add column ticket_created_at timestamp with time zone;
-- Business time spent paused in the clock's current cycle, in microseconds, by reason: waiting on the
-- customer, waiting on a vendor, any other pause status. Null for rows written before this migration
-- (the report replays their tickets' timelines for these figures) until the clock is next written.
alter table ticket_clock add column paused_customer_micros bigint;
alter table ticket_clock add column paused_vendor_micros bigint;
alter table ticket_clock add column paused_other_micros bigint;

update ticket_clock set
    client_id = (select t.client_id from ticket t where t.id = ticket_clock.ticket_id),
    tier_id = (select t.tier_id from ticket t where t.id = ticket_clock.ticket_id),
    ticket_created_at = (select t.created_at from ticket t where t.id = ticket_clock.ticket_id);

alter table ticket_clock alter column client_id set not null;
alter table ticket_clock alter column ticket_created_at set not null;

create index ticket_clock_client_stopped on ticket_clock (client_id, stopped_at);
