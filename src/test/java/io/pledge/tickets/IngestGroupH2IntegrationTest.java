package io.pledge.tickets;

/** Ingest's group commit on H2. */
class IngestGroupH2IntegrationTest extends IngestGroupContract {}
