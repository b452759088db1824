package io.pledge.trust;

/** Subscriptions to trust pages on H2. */
class TrustSubscriptionsH2IntegrationTest extends TrustSubscriptionsContract {}
