-- Deliveries by state for the gauges (pending and dead counts, the oldest pending): sent deliveries pile
-- up for good, and the gauges must not read them all on every refresh.
create index delivery_state on delivery (state, created_at);
