package io.pledge.tickets;

/** Stored pause time against the replay on H2. */
class StoredPauseH2IntegrationTest extends StoredPauseContract {}
