package io.pledge.advisor;

/** The target advisor on H2. */
class AdvisorApiH2IntegrationTest extends AdvisorApiContract {}
