package io.pledge.reporting.pack;

import io.pledge.clients.Client;
import io.pledge.reporting.pack.QbrPack.AccountingRules;
import io.pledge.reporting.pack.QbrPack.Headline;
import io.pledge.reporting.pack.QbrPack.Measure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A pack with the client, the period and the accounting rules but no measured figure: what the pack shows
 * while no compliance report is mapped into it. Every figure reads as "–", never as a made-up zero.
 */
@Component
class UnmeasuredPackFigures implements PackFigures {

    @Override
    public QbrPack figures(
            String mspName, Client client, String label, LocalDate firstDay, LocalDate lastDay, Instant now) {
        List<Headline> headlines = Arrays.stream(Measure.values())
                .map(measure -> new Headline(measure, null, null, null))
                .toList();
        return new QbrPack(
                mspName,
                client.name(),
                client.details().locale(),
                client.details().zone(),
                firstDay,
                lastDay,
                now,
                headlines,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                BigDecimal.ZERO,
                Currency.getInstance("EUR"),
                new AccountingRules(List.of(), List.of(), List.of(), 2, 1),
                null);
    }
}
