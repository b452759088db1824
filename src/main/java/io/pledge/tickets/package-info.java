/**
 * Tickets and their SLA clocks: the append-only event log of each ticket, the clocks recomputed from it
 * by the SLA engine, live ingest from the helpdesk an MSP already runs, and CSV import of history.
 */
package io.pledge.tickets;
