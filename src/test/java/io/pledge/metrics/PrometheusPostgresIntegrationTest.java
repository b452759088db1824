package io.pledge.metrics;

import io.pledge.support.PostgresTestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gauges at /actuator/prometheus on PostgreSQL, when {@code PLEDGE_TEST_POSTGRES_URL} names one, in a
 * schema of their own (not the one the other PostgreSQL tests share).
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@ContextConfiguration(initializers = {PostgresTestDatabase.class, PrometheusPostgresIntegrationTest.OwnSchema.class})
class PrometheusPostgresIntegrationTest extends PrometheusContract {

    /** Moves the shared PostgreSQL test settings to a schema of this class's own. */
    static class OwnSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final String SCHEMA = "pledge_metrics_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "pledge-metrics-schema",
                            Map.of(
                                    "spring.datasource.url",
                                    url.replaceAll("currentSchema=[A-Za-z0-9_]+", "currentSchema=" + SCHEMA),
                                    "spring.flyway.schemas",
                                    SCHEMA,
                                    "spring.flyway.default-schema",
                                    SCHEMA)));
        }
    }
}
