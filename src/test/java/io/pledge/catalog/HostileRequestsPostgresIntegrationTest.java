package io.pledge.catalog;

import io.pledge.support.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/** Hostile variants of every operation, on PostgreSQL, when {@code PLEDGE_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class HostileRequestsPostgresIntegrationTest extends HostileRequestsContract {}
