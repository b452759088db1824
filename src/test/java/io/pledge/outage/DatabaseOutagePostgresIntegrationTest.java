package io.pledge.outage;

import io.pledge.support.PostgresTestDatabase;
import io.pledge.support.TcpForwarder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/** A database outage on PostgreSQL, when {@code PLEDGE_TEST_POSTGRES_URL} names one. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = OutagePostgresDatabase.class)
class DatabaseOutagePostgresIntegrationTest extends DatabaseOutageContract {

    @Override
    TcpForwarder forwarder() {
        return OutagePostgresDatabase.forwarder;
    }
}
