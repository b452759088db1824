package io.pledge.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.clients.ClientId;
import io.pledge.clients.TierId;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.Threshold;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscalationRuleDefinitionTest {

    private static final PriorityScheme PRIORITIES = PriorityScheme.STANDARD;
    private static final UUID TIER = UUID.fromString("0b6d3c2e-9d1f-4a53-8d8c-3f4f0e0c1a01");
    private static final UUID TEAM = UUID.fromString("6a1f2e3d-4c5b-4a69-8778-9a0b1c2d3e4f");

    /** A valid threshold rule; each test changes what it looks at. */
    private static Document rule() {
        return new Document(
                " breach to the PSA ",
                TIER.toString(),
                "p1",
                "resolution",
                "acme",
                null,
                BigDecimal.ONE,
                null,
                "webhook",
                " https://psa.example/hook ",
                null);
    }

    @Test
    void aThresholdRuleIsParsedIntoTypedValues() {
        EscalationRuleDefinition definition = EscalationRuleDefinition.parse(rule().document(), PRIORITIES);

        assertThat(definition.name()).isEqualTo("breach to the PSA");
        assertThat(definition.tier()).isEqualTo(new TierId(TIER));
        assertThat(definition.priority()).isEqualTo(Priority.of("P1"));
        assertThat(definition.metric()).isEqualTo(Metric.RESOLUTION);
        assertThat(definition.client()).isEqualTo("acme");
        assertThat(definition.firesOn()).isEqualTo(EscalationRule.FiresOn.THRESHOLD);
        assertThat(definition.threshold()).isEqualTo(Threshold.BREACH);
        assertThat(definition.action()).isEqualTo(EscalationRule.Action.WEBHOOK);
        assertThat(definition.target()).isEqualTo("https://psa.example/hook");
        assertThat(definition.team()).isNull();
        assertThat(definition.beforeDue()).isNull();
    }

    @Test
    void whatARuleMatchesMayBeLeftOut() {
        EscalationRuleDefinition definition = EscalationRuleDefinition.parse(
                rule().with(r -> new Document(
                                r.name, null, null, null, null, null, r.ratio, null, r.action, r.target, null))
                        .document(),
                PRIORITIES);

        assertThat(definition.tier()).isNull();
        assertThat(definition.priority()).isNull();
        assertThat(definition.metric()).isNull();
        assertThat(definition.client()).isNull();
    }

    @Test
    void aLeadBeforeDueIsABusinessTimeDuration() {
        EscalationRuleDefinition definition = EscalationRuleDefinition.parse(
                rule().with(r -> r.threshold(null, "PT30M")).document(), PRIORITIES);

        assertThat(definition.threshold()).isEqualTo(Threshold.beforeDue(Duration.ofMinutes(30)));
        assertThat(definition.beforeDue()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void targetsAreKeptInTheirStoredForm() {
        assertThat(target("mail", " Assignee, Team ,ops@msp.example ")).isEqualTo("assignee,team,ops@msp.example");
        assertThat(target("raise_priority", "p2")).isEqualTo("P2");
        EscalationRuleDefinition reassign = EscalationRuleDefinition.parse(
                rule().with(r -> r.action("REASSIGN", " " + TEAM.toString().toUpperCase() + " "))
                        .document(),
                PRIORITIES);
        assertThat(reassign.target()).isEqualTo(TEAM.toString());
        assertThat(reassign.team()).isEqualTo(TEAM);
    }

    @Test
    void aMonitorRuleMatchesItsClientOnly() {
        EscalationRuleDefinition definition = EscalationRuleDefinition.parse(
                new Document(
                                "down",
                                null,
                                null,
                                null,
                                "acme",
                                "monitor_down",
                                null,
                                null,
                                "MAIL",
                                "client-contacts",
                                null)
                        .document(),
                PRIORITIES);

        assertThat(definition.firesOn()).isEqualTo(EscalationRule.FiresOn.MONITOR_DOWN);
        assertThat(definition.threshold()).isNull();
        assertThat(definition.target()).isEqualTo("client-contacts");
    }

    @Test
    void theRuleToSaveCarriesItsClientAndSecret() {
        UUID id = UUID.randomUUID();
        ClientId client = ClientId.random();

        EscalationRule rule =
                EscalationRuleDefinition.parse(rule().document(), PRIORITIES).rule(id, client, "s3cret");

        assertThat(rule.id()).isEqualTo(id);
        assertThat(rule.clientId()).isEqualTo(client);
        assertThat(rule.secret()).isEqualTo("s3cret");
        assertThat(rule.active()).isTrue();
        assertThat(rule.tierId()).isEqualTo(new TierId(TIER));
        assertThat(rule.priority()).isEqualTo(Priority.of("P1"));
        assertThat(rule.metric()).isEqualTo(Metric.RESOLUTION);
    }

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                Arguments.of("no name", rule().with(r -> r.name(null)), List.of("name")),
                Arguments.of("a blank name", rule().with(r -> r.name("  ")), List.of("name")),
                Arguments.of("a long name", rule().with(r -> r.name("x".repeat(201))), List.of("name")),
                Arguments.of("a tier that is no id", rule().with(r -> r.tierId("gold")), List.of("tierId")),
                Arguments.of("a priority outside the scheme", rule().with(r -> r.priority("P7")), List.of("priority")),
                Arguments.of("an unknown metric", rule().with(r -> r.metric("UPTIME")), List.of("metric")),
                Arguments.of("an unknown event", rule().with(r -> r.firesOn("SOMETIMES")), List.of("firesOn")),
                Arguments.of("no threshold", rule().with(r -> r.threshold(null, null)), List.of("ratio")),
                Arguments.of(
                        "two thresholds", rule().with(r -> r.threshold(BigDecimal.ONE, "PT5M")), List.of("beforeDue")),
                Arguments.of(
                        "a ratio above 1",
                        rule().with(r -> r.threshold(new BigDecimal("1.5"), null)),
                        List.of("ratio")),
                Arguments.of("a ratio of 0", rule().with(r -> r.threshold(BigDecimal.ZERO, null)), List.of("ratio")),
                Arguments.of(
                        "a ratio out of range",
                        rule().with(r -> r.threshold(new BigDecimal("1e-40"), null)),
                        List.of("ratio")),
                Arguments.of(
                        "a lead that is no duration",
                        rule().with(r -> r.threshold(null, "soon")),
                        List.of("beforeDue")),
                Arguments.of("a negative lead", rule().with(r -> r.threshold(null, "-PT5M")), List.of("beforeDue")),
                Arguments.of("no action", rule().with(r -> r.action(null, "http://x")), List.of("action")),
                Arguments.of("an unknown action", rule().with(r -> r.action("PIGEON", "http://x")), List.of("action")),
                Arguments.of("no target", rule().with(r -> r.action("CHAT", null)), List.of("target")),
                Arguments.of(
                        "a long target",
                        rule().with(r -> r.action("CHAT", "http://x/" + "y".repeat(2000))),
                        List.of("target")),
                Arguments.of(
                        "a webhook to no HTTP URL",
                        rule().with(r -> r.action("WEBHOOK", "ftp://nowhere")),
                        List.of("target")),
                Arguments.of("mail to nobody", rule().with(r -> r.action("MAIL", " , ")), List.of("target")),
                Arguments.of(
                        "mail to contacts on a warning and to no address",
                        rule().with(r -> r.threshold(new BigDecimal("0.75"), null)
                                .action("MAIL", "assignee, client-contacts, bob")),
                        List.of("target", "target")),
                Arguments.of(
                        "reassign to no team id",
                        rule().with(r -> r.action("REASSIGN", "the night shift")),
                        List.of("target")),
                Arguments.of(
                        "raise to no priority", rule().with(r -> r.action("RAISE_PRIORITY", "P0")), List.of("target")),
                Arguments.of(
                        "a monitor rule with a tier, priority, metric and threshold",
                        rule().with(r -> r.firesOn("MONITOR_UP").threshold(null, "PT5M")),
                        List.of("tierId", "priority", "metric", "beforeDue")),
                Arguments.of(
                        "a monitor rule acting on a ticket",
                        monitorRule().with(r -> r.action("RAISE_PRIORITY", "P1")),
                        List.of("action")),
                Arguments.of(
                        "a monitor rule mailing a ticket's people",
                        monitorRule().with(r -> r.action("MAIL", "team")),
                        List.of("target")),
                Arguments.of(
                        "everything at once",
                        new Document(null, "x", "x", "x", null, null, new BigDecimal("2"), null, "x", null, null),
                        List.of("name", "tierId", "priority", "metric", "ratio", "action", "target")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRules")
    void anInvalidRuleNamesEachInvalidField(String what, Document rule, List<String> fields) {
        Violations violations = new Violations();

        assertThat(EscalationRuleDefinition.parse(rule.document(), PRIORITIES, violations))
                .isNull();
        assertThat(violations.list()).extracting(Violation::field).containsExactlyElementsOf(fields);
        assertThatThrownBy(() -> EscalationRuleDefinition.parse(rule.document(), PRIORITIES))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyElementsOf(fields));
    }

    @Test
    void violationsAreRecordedUnderAPrefix() {
        Violations violations = new Violations();

        EscalationRuleDefinition.parse(
                rule().with(r -> r.name(null)).document(), PRIORITIES, violations.under("rule."));

        assertThat(violations.list()).extracting(Violation::field).containsExactly("rule.name");
    }

    private static String target(String action, String target) {
        return EscalationRuleDefinition.parse(
                        rule().with(r -> r.action(action, target)).document(), PRIORITIES)
                .target();
    }

    private static Document monitorRule() {
        return new Document("down", null, null, null, null, "MONITOR_DOWN", null, null, "CHAT", "http://x", null);
    }

    /** A rule document that tests change one part at a time. */
    record Document(
            String name,
            String tierId,
            String priority,
            String metric,
            String client,
            String firesOn,
            BigDecimal ratio,
            String beforeDue,
            String action,
            String target,
            String secret) {

        Document with(java.util.function.UnaryOperator<Document> change) {
            return change.apply(this);
        }

        Document name(String value) {
            return new Document(
                    value, tierId, priority, metric, client, firesOn, ratio, beforeDue, action, target, secret);
        }

        Document tierId(String value) {
            return new Document(
                    name, value, priority, metric, client, firesOn, ratio, beforeDue, action, target, secret);
        }

        Document priority(String value) {
            return new Document(name, tierId, value, metric, client, firesOn, ratio, beforeDue, action, target, secret);
        }

        Document metric(String value) {
            return new Document(
                    name, tierId, priority, value, client, firesOn, ratio, beforeDue, action, target, secret);
        }

        Document firesOn(String value) {
            return new Document(
                    name, tierId, priority, metric, client, value, ratio, beforeDue, action, target, secret);
        }

        Document threshold(BigDecimal ratio, String beforeDue) {
            return new Document(
                    name, tierId, priority, metric, client, firesOn, ratio, beforeDue, action, target, secret);
        }

        Document action(String action, String target) {
            return new Document(
                    name, tierId, priority, metric, client, firesOn, ratio, beforeDue, action, target, secret);
        }

        EscalationRuleDocument document() {
            return new EscalationRuleDocument(
                    name, tierId, priority, metric, client, firesOn, ratio, beforeDue, action, target, secret);
        }

        @Override
        public String toString() {
            return document().toString();
        }
    }
}
