package io.pledge.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port, over the test database: in-memory H2 by default, PostgreSQL
 * in subclasses that add {@code @ContextConfiguration(initializers = PostgresTestDatabase.class)}.
 * Tests create their own data with unique names, so they share one context per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public abstract class DatabaseIntegrationTest {

    public static final String BOOTSTRAP_TOKEN = "test-bootstrap-token-0123456789abcdef";
    public static final String ADMIN_EMAIL = "admin@test.local";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    protected int port;

    @Autowired
    private JdbcClient database;

    /** The API as the bootstrap admin token. */
    protected Api api() {
        return Api.at(port).withToken(BOOTSTRAP_TOKEN);
    }

    /**
     * What the schema leaves to the code since events have no foreign key (docs/adr/0021): after every
     * test, on both databases, each stored event belongs to a stored ticket.
     */
    @AfterEach
    void everyEventBelongsToAStoredTicket() {
        assertThat(database.sql("""
                        select count(*) from ticket_event e
                        where not exists (select 1 from ticket t where t.id = e.ticket_id)""").query(Long.class).single())
                .as("events without their ticket")
                .isZero();
    }

    public static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
