package io.pledge.clients.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.calendar.BusinessDayRule;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.core.Violations;
import io.pledge.core.web.pages.PageFormats;
import io.pledge.core.web.pages.PageMessages;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicyDocument;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/** A policy with business-day targets (ADR 0040) as the policy pages show it and the form edits it. */
class BusinessDayTargetFormsTest {

    private static final MessageSource MESSAGES = PageMessages.source();

    private static final TierPolicyDocument POLICY = PolicyTerms.parse(
                    JsonMapper.builder().build().readValue("""
                            {"targets": [
                              {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                              {"priority": "P3", "metric": "RESOLUTION",
                               "businessDays": {"kind": "NEXT_BUSINESS_DAY", "by": "17:00"}},
                              {"priority": "P4", "metric": "RESOLUTION",
                               "businessDays": {"kind": "BUSINESS_DAYS", "days": 3, "ending": "CLOSE"}},
                              {"priority": "P4", "metric": "FIRST_RESPONSE",
                               "businessDays": {"kind": "BUSINESS_DAYS", "days": 1, "ending": "TIME_OF_DAY"}},
                              {"priority": "P3", "metric": "FIRST_RESPONSE", "businessDays": {"kind": "END_OF_BUSINESS_DAY"}}]}""", TierPolicyDocument.class), PriorityScheme.STANDARD)
            .toDocument();

    @Test
    void thePolicyPageNamesBusinessDayTargetsInEnglishAndFrench() {
        assertThat(texts(Locale.ENGLISH))
                .containsEntry("target.P1.RESOLUTION", "4\u00a0h 00\u00a0min, in the contract’s calendar")
                .containsEntry("target.P3.RESOLUTION", "next business day by 17:00, in the contract’s calendar")
                .containsEntry("target.P3.FIRST_RESPONSE", "end of business day, in the contract’s calendar")
                .containsEntry("target.P4.FIRST_RESPONSE", "1 business day, in the contract’s calendar")
                .containsEntry(
                        "target.P4.RESOLUTION", "3 business days, at close of business, in the contract’s calendar");
        Map<String, String> french = texts(Locale.FRENCH);
        assertThat(french.get("target.P3.RESOLUTION")).startsWith("jour ouvré suivant avant 17:00, dans ");
        assertThat(french.get("target.P3.FIRST_RESPONSE")).startsWith("fin du jour ouvré, dans ");
        assertThat(french.get("target.P4.FIRST_RESPONSE")).startsWith("1 jour ouvré, dans ");
        assertThat(french.get("target.P4.RESOLUTION")).startsWith("3 jours ouvrés, à la fermeture, dans ");
    }

    @Test
    void theFormWritesABusinessDayTargetInWordsAndReadsItBack() {
        PolicyForm form = PolicyForm.of(POLICY);

        assertThat(form.getTargets())
                .containsEntry("P1.RESOLUTION", "PT4H")
                .containsEntry("P3.RESOLUTION", "next business day by 17:00")
                .containsEntry("P4.RESOLUTION", "3 business days, at close of business");
        Violations violations = new Violations();
        List<SlaPolicyDocument.TargetDocument> targets =
                form.toDocument(PriorityScheme.STANDARD, violations).targets();
        assertThat(violations.isEmpty()).as(violations.list().toString()).isTrue();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(POLICY.targets());
    }

    @Test
    void wordsThatAreNoRuleStayATextForTheDurationCheck() {
        assertThat(BusinessDayRule.ofWords("next business day by 25:00")).isEmpty();
        assertThat(BusinessDayRule.ofWords("0 business days")).isEmpty();
        assertThat(BusinessDayRule.ofWords("  Next Business Day by 09:30 "))
                .contains(BusinessDayRule.nextBusinessDayBy(java.time.LocalTime.of(9, 30)));
    }

    private static Map<String, String> texts(Locale locale) {
        PolicyLines lines = new PolicyLines(
                MESSAGES,
                locale,
                new PageFormats(locale, ZoneId.of("Europe/Paris"), MESSAGES),
                PriorityScheme.STANDARD,
                Map.of());
        Map<String, String> texts = new java.util.HashMap<>();
        lines.of(POLICY).forEach(line -> texts.put(line.key(), line.text()));
        return texts;
    }
}
