package io.pledge.tickets;

/** Bulk ticket and event writes on H2. */
class TicketStoreH2IntegrationTest extends TicketStoreContract {}
