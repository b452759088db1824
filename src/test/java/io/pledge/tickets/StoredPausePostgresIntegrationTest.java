package io.pledge.tickets;

import io.pledge.support.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/** Stored pause time against the replay on PostgreSQL (COPY), when {@code PLEDGE_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class StoredPausePostgresIntegrationTest extends StoredPauseContract {}
