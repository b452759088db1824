package io.pledge.sla.config;

import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MSP's priority scheme from {@code pledge.sla.priorities} (code → display name). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PriorityConfiguration.PriorityProperties.class)
class PriorityConfiguration {

    @Bean
    PriorityScheme priorityScheme(PriorityProperties properties) {
        if (properties.priorities() == null || properties.priorities().isEmpty()) {
            return PriorityScheme.STANDARD;
        }
        Map<Priority, String> names = new LinkedHashMap<>();
        properties.priorities().forEach((code, name) -> names.put(Priority.of(code.toUpperCase()), name));
        return new PriorityScheme(names);
    }

    @ConfigurationProperties("pledge.sla")
    record PriorityProperties(Map<String, String> priorities) {}
}
