package io.pledge.sla.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PriorityConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(PriorityConfiguration.class);

    @Test
    void withoutConfigurationTheStandardSchemeApplies() {
        context.run(started -> assertThat(started.getBean(PriorityScheme.class)).isEqualTo(PriorityScheme.STANDARD));
    }

    @Test
    void configuredPrioritiesReplaceTheStandardScheme() {
        // As environment variables PLEDGE_SLA_PRIORITIES_P1 and _P2 bind them.
        context.withPropertyValues("pledge.sla.priorities.p1=Urgent", "pledge.sla.priorities.p2=Normal")
                .run(started -> assertThat(started.getBean(PriorityScheme.class).displayNames())
                        .containsExactly(
                                Map.entry(Priority.of("P1"), "Urgent"), Map.entry(Priority.of("P2"), "Normal")));
    }
}
