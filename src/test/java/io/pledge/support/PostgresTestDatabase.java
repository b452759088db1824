package io.pledge.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at the PostgreSQL of {@code PLEDGE_TEST_POSTGRES_URL}, in a schema of its own
 * for this test run (created by Flyway), so runs never see each other's data. Every PostgreSQL test
 * class uses this same initializer, so they share one application context.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL_VARIABLE = "PLEDGE_TEST_POSTGRES_URL";

    private static final String SCHEMA =
            "pledge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(URL_VARIABLE + " is not set");
        }
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "pledge-test-postgres",
                        Map.of(
                                "spring.datasource.url", withSchema,
                                "spring.datasource.username", envOr("PLEDGE_TEST_POSTGRES_USER", "postgres"),
                                "spring.datasource.password", envOr("PLEDGE_TEST_POSTGRES_PASSWORD", ""),
                                "spring.flyway.schemas", SCHEMA,
                                "spring.flyway.default-schema", SCHEMA)));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
