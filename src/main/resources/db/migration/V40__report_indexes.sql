-- Reports read a client's tickets created before a period's end, and the MSP-wide tally reads the clocks
-- that stopped in a period.
create index ticket_client_created on ticket (client_id, created_at);
create index ticket_clock_stopped on ticket_clock (stopped_at);
