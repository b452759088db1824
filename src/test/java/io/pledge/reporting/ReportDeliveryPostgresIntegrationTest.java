package io.pledge.reporting;

import io.pledge.support.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/** Reports mailed on schedule, on PostgreSQL, when {@code PLEDGE_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class ReportDeliveryPostgresIntegrationTest extends ReportDeliveryContract {}
