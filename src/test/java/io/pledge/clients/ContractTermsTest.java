package io.pledge.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractTermsTest {

    private static final String TIER = UUID.randomUUID().toString();
    private static final String CALENDAR = UUID.randomUUID().toString();

    @ParameterizedTest(name = "[{0}, {1}] and [{2}, {3}] overlap: {4}")
    @CsvSource(
            nullValues = "open",
            value = {
                "2026-01-01, 2026-12-31, 2027-01-01, 2027-12-31, false",
                "2026-01-01, 2026-12-31, 2026-12-31, 2027-12-31, true",
                "2026-01-01, open,       2030-01-01, 2030-12-31, true",
                "2026-01-01, open,       2025-01-01, 2025-12-31, false",
                "2026-01-01, open,       2020-01-01, open,       true",
                "2026-03-01, 2026-03-31, 2026-01-01, 2026-12-31, true",
                "2026-03-01, 2026-03-01, 2026-03-01, 2026-03-01, true"
            })
    void periodsOverlapWhenTheyShareADate(String start1, String end1, String start2, String end2, boolean overlap) {
        ContractTerms first = terms(start1, end1);
        ContractTerms second = terms(start2, end2);

        assertThat(first.overlaps(second)).isEqualTo(overlap);
        assertThat(second.overlaps(first)).isEqualTo(overlap);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        ContractDocument document = new ContractDocument(
                "gold", null, "2026-12-31", "2026-01-01", List.of("ERP", "ERP"), new BigDecimal("-10"), "EURO");

        assertThatThrownBy(() -> ContractTerms.parse(document))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyInAnyOrder(
                                        "tierId", "calendarId", "endDate", "services[1]", "currency", "monthlyFee"));
    }

    @Test
    void aFeeMayNotHaveMoreDecimalsThanItsCurrency() {
        assertThatThrownBy(() -> ContractTerms.parse(new ContractDocument(
                        TIER, CALENDAR, "2026-01-01", null, List.of(), new BigDecimal("100.5"), "JPY")))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("monthlyFee"));
        assertThat(ContractTerms.parse(new ContractDocument(
                                TIER, CALENDAR, "2026-01-01", null, List.of(), new BigDecimal("1500.50"), "EUR"))
                        .monthlyFee())
                .isEqualByComparingTo("1500.5");
    }

    private static ContractTerms terms(String start, String end) {
        return ContractTerms.parse(
                new ContractDocument(TIER, CALENDAR, start, end, List.of("ERP"), BigDecimal.TEN, "EUR"));
    }
}
