package io.pledge.tickets;

/** Threshold firing on H2. */
class FiringH2IntegrationTest extends FiringContract {}
