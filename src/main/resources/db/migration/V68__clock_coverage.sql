-- A report reads a client's clock rows without the tickets: the policy version and calendar the clock counts
-- against are the ticket's, fixed at its creation like its client and tier (V67); ClockRefresh writes them
-- with every row (docs/adr/0030-reports-computed-when-read.md).
alter table ticket_clock add column policy_version integer;
alter table ticket_clock add column calendar_id uuid;

update ticket_clock set
    policy_version = (select t.policy_version from ticket t where t.id = ticket_clock.ticket_id),
    calendar_id = (select t.calendar_id from ticket t where t.id = ticket_clock.ticket_id);
