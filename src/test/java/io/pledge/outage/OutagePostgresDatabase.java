package io.pledge.outage;

import io.pledge.support.PostgresTestDatabase;
import io.pledge.support.TcpForwarder;
import java.net.URI;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The test PostgreSQL ({@link PostgresTestDatabase}), reached through a {@link TcpForwarder}. */
public class OutagePostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static TcpForwarder forwarder;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new PostgresTestDatabase().initialize(context);
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        URI direct = URI.create(url.substring("jdbc:".length()));
        if (forwarder == null) {
            forwarder = new TcpForwarder(direct.getHost(), direct.getPort() < 0 ? 5432 : direct.getPort());
        }
        String hostAndPort = direct.getHost() + (direct.getPort() < 0 ? "" : ":" + direct.getPort());
        String throughForwarder =
                url.replaceFirst(java.util.regex.Pattern.quote("//" + hostAndPort), "//127.0.0.1:" + forwarder.port());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "pledge-test-outage-postgres", Map.of("spring.datasource.url", throughForwarder)));
    }
}
