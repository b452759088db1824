package io.pledge.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violation;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityChangeRule;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.ReopenRule;
import io.pledge.sla.TicketStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PolicyTermsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void absentSettingsTakeTheDefaults() {
        PolicyTerms terms = parse("""
                {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}]}""");

        assertThat(terms.sla().thresholds()).containsExactly(new BigDecimal("0.75"), new BigDecimal("0.9"));
        assertThat(terms.sla().pauseStatuses().get(Metric.RESOLUTION))
                .containsExactlyInAnyOrder(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR);
        assertThat(terms.sla().pauseStatuses().get(Metric.FIRST_RESPONSE)).isEmpty();
        assertThat(terms.sla().reopenRule()).isEqualTo(ReopenRule.RESUME);
        assertThat(terms.sla().priorityChangeRule()).isEqualTo(PriorityChangeRule.RETROACTIVE);
        assertThat(terms.sla().target(Priority.of("P1"), Metric.RESOLUTION))
                .hasValueSatisfying(target -> assertThat(target.duration()).isEqualTo(Duration.ofHours(4)));
        assertThat(terms.sla().target(Priority.of("P1"), Metric.FIRST_RESPONSE)).isEmpty();
        assertThat(terms.uptimeTarget()).isNull();
    }

    @Test
    void theDocumentRoundTrips() {
        PolicyTerms terms = parse("""
                {"targets": [{"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M",
                              "calendarId": "7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001"}],
                 "thresholds": [0.5, 0.8], "pauseStatuses": {"RESOLUTION": ["WAITING_ON_VENDOR"]},
                 "reopenRule": "NEW_CYCLE", "priorityChangeRule": "RESTART", "uptimeTarget": 99.9,
                 "credits": [{"availabilityBelow": 99.9, "creditPercent": 10}], "creditCapPercent": 50}""");

        assertThat(PolicyTerms.parse(terms.toDocument(), PriorityScheme.STANDARD))
                .isEqualTo(terms);
        assertThat(terms.sla().calendars()).hasSize(1);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        assertThatThrownBy(() -> parse("""
                        {"targets": [{"priority": "P7", "metric": "RESOLUTION", "target": "4 hours"},
                                     {"priority": "P1", "metric": "UPTIME", "target": "-PT1H", "calendarId": "nope"},
                                     {"priority": "P2", "metric": "RESOLUTION", "target": "PT1H"},
                                     {"priority": "P2", "metric": "RESOLUTION", "target": "PT2H"}],
                         "thresholds": [0.9, 0.75, 1.5],
                         "pauseStatuses": {"RESOLUTION": ["WAITING", "RESOLVED"]},
                         "reopenRule": "REOPEN", "uptimeTarget": 101,
                         "credits": [{"availabilityBelow": 99, "creditPercent": 10},
                                     {"availabilityBelow": 99.5, "creditPercent": 0}],
                         "creditCapPercent": 0}"""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyInAnyOrder(
                                        "targets[0].priority",
                                        "targets[0].target",
                                        "targets[1].metric",
                                        "targets[1].target",
                                        "targets[1].calendarId",
                                        "targets[3]",
                                        "thresholds[1]",
                                        "thresholds[2]",
                                        "pauseStatuses.RESOLUTION[0]",
                                        "pauseStatuses.RESOLUTION[1]",
                                        "reopenRule",
                                        "uptimeTarget",
                                        "credits[1].availabilityBelow",
                                        "credits[1].creditPercent",
                                        "creditCapPercent"));
    }

    @Test
    void aDocumentWithoutTheNewerCreditSettingsCreditsPerMonitorAndOwesNothingForTickets() {
        PolicyTerms terms = parse("""
                {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                 "credits": [{"availabilityBelow": 99.9, "creditPercent": 10}], "creditCapPercent": 50}""");

        assertThat(terms.creditsPer()).isEqualTo(CreditsPer.MONITOR);
        assertThat(terms.ticketCredits()).isEmpty();
        assertThat(terms)
                .isEqualTo(new PolicyTerms(
                        terms.sla(),
                        null,
                        List.of(new CreditStep(new BigDecimal("99.9"), BigDecimal.TEN)),
                        new BigDecimal("50")));
    }

    @Test
    void ticketCreditsAndWhatAvailabilityCreditsArePerRoundTrip() {
        PolicyTerms terms = parse("""
                {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                 "creditsPer": "SERVICE",
                 "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5},
                                   {"metric": "FIRST_RESPONSE", "metBelow": 90, "creditPercent": 5},
                                   {"metric": "RESOLUTION", "priority": "P1", "metBelow": 90, "creditPercent": 10}]}""");

        assertThat(terms.creditsPer()).isEqualTo(CreditsPer.SERVICE);
        assertThat(terms.ticketCredits())
                .containsExactly(
                        new TicketCreditStep(
                                Metric.RESOLUTION, Priority.of("P1"), new BigDecimal("95"), new BigDecimal("5")),
                        new TicketCreditStep(Metric.FIRST_RESPONSE, null, new BigDecimal("90"), new BigDecimal("5")),
                        new TicketCreditStep(
                                Metric.RESOLUTION, Priority.of("P1"), new BigDecimal("90"), BigDecimal.TEN));
        assertThat(PolicyTerms.parse(terms.toDocument(), PriorityScheme.STANDARD))
                .isEqualTo(terms);
        assertThat(PolicyTerms.parse(
                        json.readValue(json.writeValueAsString(terms.toDocument()), TierPolicyDocument.class),
                        PriorityScheme.STANDARD))
                .isEqualTo(terms);
    }

    @Test
    void everyInvalidTicketCreditFieldIsNamed() {
        assertThatThrownBy(() -> parse("""
                        {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                         "creditsPer": "TENANT",
                         "ticketCredits": [
                             {"metric": "UPTIME", "priority": "P7", "metBelow": 0, "creditPercent": 101},
                             null,
                             {"metric": "RESOLUTION", "metBelow": 95, "creditPercent": 10},
                             {"metric": "RESOLUTION", "metBelow": 95, "creditPercent": 20},
                             {"metric": "RESOLUTION", "metBelow": 90, "creditPercent": 5},
                             {"metric": "RESOLUTION", "priority": "P1", "metBelow": 99, "creditPercent": 1},
                             {"priority": "P2", "metBelow": 90, "creditPercent": 5},
                             {"metric": "FIRST_RESPONSE"},
                             {"metric": "FIRST_RESPONSE", "metBelow": 100.5, "creditPercent": -1}]}"""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyInAnyOrder(
                                        "creditsPer",
                                        "ticketCredits[0].metric",
                                        "ticketCredits[0].priority",
                                        "ticketCredits[0].metBelow",
                                        "ticketCredits[0].creditPercent",
                                        "ticketCredits[1]",
                                        "ticketCredits[3].metBelow",
                                        "ticketCredits[4].creditPercent",
                                        "ticketCredits[6].metric",
                                        "ticketCredits[7].metBelow",
                                        "ticketCredits[7].creditPercent",
                                        "ticketCredits[8].metBelow",
                                        "ticketCredits[8].creditPercent"));
    }

    @Test
    void ticketCreditStepsSayWhatIsWrongWithTheirOrder() {
        assertThatThrownBy(() -> parse("""
                        {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                         "ticketCredits": [
                             {"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 10},
                             {"metric": "RESOLUTION", "priority": "P1", "metBelow": 90, "creditPercent": 5},
                             {"metric": "RESOLUTION", "metBelow": 99, "creditPercent": 1},
                             {"metric": "RESOLUTION", "metBelow": 99.5, "creditPercent": 2}]}"""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(
                                        new Violation(
                                                "ticketCredits[1].creditPercent",
                                                "must not be below the credit of the higher step ticketCredits[0] of"
                                                        + " RESOLUTION P1 (10)"),
                                        new Violation(
                                                "ticketCredits[3].metBelow",
                                                "steps of RESOLUTION (every priority) must go from the highest met % to"
                                                        + " the lowest (ticketCredits[2] is at 99)")));
    }

    @Test
    void aPolicyNeedsATarget() {
        assertThatThrownBy(() -> parse("{\"targets\": []}"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new Violation("targets", "at least one target is required")));
    }

    @Test
    void prioritiesComeFromTheConfiguredScheme() {
        PriorityScheme twoLevels =
                new PriorityScheme(java.util.Map.of(Priority.of("P1"), "Urgent", Priority.of("P2"), "Normal"));
        TierPolicyDocument document = json.readValue(
                "{\"targets\": [{\"priority\": \"P3\", \"metric\": \"RESOLUTION\", \"target\": \"PT4H\"}]}",
                TierPolicyDocument.class);

        assertThatThrownBy(() -> PolicyTerms.parse(document, twoLevels))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(v -> assertThat(v.message()).contains("P1, P2")));
    }

    private PolicyTerms parse(String document) {
        return PolicyTerms.parse(json.readValue(document, TierPolicyDocument.class), PriorityScheme.STANDARD);
    }
}
