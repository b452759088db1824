package io.pledge.reporting;

/** Reports on H2. */
class ReportApiH2IntegrationTest extends ReportApiContract {}
