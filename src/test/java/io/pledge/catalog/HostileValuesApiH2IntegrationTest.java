package io.pledge.catalog;

/** Values outside Pledge's limits, refused on H2. */
class HostileValuesApiH2IntegrationTest extends HostileValuesApiContract {}
