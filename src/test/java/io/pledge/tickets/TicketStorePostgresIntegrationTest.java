package io.pledge.tickets;

import io.pledge.support.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/** Bulk ticket and event writes on PostgreSQL (COPY), when {@code PLEDGE_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class TicketStorePostgresIntegrationTest extends TicketStoreContract {}
