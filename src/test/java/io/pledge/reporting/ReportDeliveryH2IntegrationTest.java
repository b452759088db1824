package io.pledge.reporting;

/** Reports mailed on schedule, on H2. */
class ReportDeliveryH2IntegrationTest extends ReportDeliveryContract {}
