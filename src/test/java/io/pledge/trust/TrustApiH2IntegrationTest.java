package io.pledge.trust;

/** The trust pages over HTTP on H2. */
class TrustApiH2IntegrationTest extends TrustApiContract {}
