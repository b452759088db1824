package io.pledge.catalog;

/** Hostile variants of every operation, on H2. */
class HostileRequestsH2IntegrationTest extends HostileRequestsContract {}
