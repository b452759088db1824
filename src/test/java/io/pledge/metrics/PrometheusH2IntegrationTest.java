package io.pledge.metrics;

import org.springframework.test.context.TestPropertySource;

/** The gauges at /actuator/prometheus on an H2 database of their own. */
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:mem:pledge-metrics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class PrometheusH2IntegrationTest extends PrometheusContract {}
