package io.pledge.catalog;

/** Tickets and ingest on H2. */
class TicketApiH2IntegrationTest extends TicketApiContract {}
