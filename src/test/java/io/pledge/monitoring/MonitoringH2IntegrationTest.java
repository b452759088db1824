package io.pledge.monitoring;

/** Monitoring on H2. */
class MonitoringH2IntegrationTest extends MonitoringContract {}
