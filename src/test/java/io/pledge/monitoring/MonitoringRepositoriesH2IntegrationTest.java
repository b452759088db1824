package io.pledge.monitoring;

/** The monitoring repositories on H2. */
class MonitoringRepositoriesH2IntegrationTest extends MonitoringRepositoriesContract {}
