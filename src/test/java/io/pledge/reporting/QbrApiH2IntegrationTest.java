package io.pledge.reporting;

/** The QBR pack's API on H2. */
class QbrApiH2IntegrationTest extends QbrApiContract {}
