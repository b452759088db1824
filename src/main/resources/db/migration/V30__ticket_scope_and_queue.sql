-- An external id is another system's number for a client's ticket: unique per client and source, so that
-- no client can take a number the MSP's helpdesk will give another client's ticket.
alter table ticket drop constraint ticket_external_unique;
alter table ticket add constraint ticket_external_unique unique (client_id, source, external_id);
create index ticket_external on ticket (source, external_id);

-- The queue is ordered by time to breach: the due instant of each ticket's earliest open clock.
drop index ticket_client_queue;
create index ticket_due_queue on ticket (due_at, id);
create index ticket_client_due_queue on ticket (client_id, due_at, id);
