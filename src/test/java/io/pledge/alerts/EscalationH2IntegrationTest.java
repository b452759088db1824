package io.pledge.alerts;

/** Escalations and deliveries on H2. */
class EscalationH2IntegrationTest extends EscalationContract {}
