package io.pledge.trust;

/** The trust repositories on H2. */
class TrustRepositoriesH2IntegrationTest extends TrustRepositoriesContract {}
