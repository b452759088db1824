package io.pledge.trust;

import io.pledge.support.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/** Subscriptions to trust pages on PostgreSQL, when {@code PLEDGE_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class TrustSubscriptionsPostgresIntegrationTest extends TrustSubscriptionsContract {}
