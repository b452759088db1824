package io.pledge.catalog;

/** The business-time and SLA evaluation endpoints on H2. */
class SlaApiH2IntegrationTest extends SlaApiContract {}
