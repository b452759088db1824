package io.pledge.reporting.pack;

import io.pledge.reporting.pack.QbrPack.AccountingRules;
import io.pledge.reporting.pack.QbrPack.AtRiskLine;
import io.pledge.reporting.pack.QbrPack.BreachLine;
import io.pledge.reporting.pack.QbrPack.CreditAtRisk;
import io.pledge.reporting.pack.QbrPack.CreditLine;
import io.pledge.reporting.pack.QbrPack.DailyUptime;
import io.pledge.reporting.pack.QbrPack.Headline;
import io.pledge.reporting.pack.QbrPack.Measure;
import io.pledge.reporting.pack.QbrPack.MonthlyMet;
import io.pledge.reporting.pack.QbrPack.PausedTime;
import io.pledge.reporting.pack.QbrPack.PriorityRow;
import io.pledge.reporting.pack.QbrPack.SystemUptime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** A hand-made quarter of one client, with every part of the pack filled in. */
public final class SamplePacks {

    public static final String CLIENT = "Hôtel Boréal SA";
    public static final List<String> BREACHED_TICKETS =
            List.of("INC0010234", "INC0010377", "INC0010412", "INC0010590", "INC0010781", "INC0010815");

    private SamplePacks() {}

    public static QbrPack quarter(Locale locale) {
        LocalDate from = LocalDate.of(2026, 7, 1);
        LocalDate to = LocalDate.of(2026, 9, 30);
        return new QbrPack(
                "Northwind IT",
                CLIENT,
                locale,
                ZoneId.of("Europe/Paris"),
                from,
                to,
                Instant.parse("2026-10-03T08:15:00Z"),
                List.of(
                        new Headline(Measure.RESPONSE_MET, pct("96.5"), pct("94.25"), pct("2.25")),
                        new Headline(Measure.RESOLUTION_MET, pct("91.67"), pct("93.1"), pct("-1.43")),
                        new Headline(Measure.AVAILABILITY, pct("99.95"), pct("99.82"), pct("0.13")),
                        new Headline(Measure.CLOCKS_STOPPED, pct("412"), pct("398"), pct("14")),
                        new Headline(Measure.BREACHES, pct("6"), pct("9"), pct("-3")),
                        new Headline(Measure.PAUSED, pct("75900"), pct("61200"), pct("14700")),
                        new Headline(Measure.CREDITS, pct("1234.50"), pct("0.00"), pct("1234.50"))),
                List.of(
                        row("P1", "first-response", 18, "100", 9, 14, 15, 0),
                        row("P1", "resolution", 18, "88.88", 140, 230, 240, 2),
                        row("P2", "first-response", 64, "96.87", 22, 50, 60, 2),
                        row("P2", "resolution", 64, "93.75", 200, 430, 480, 4),
                        row("P3", "first-response", 210, "98.09", 70, 200, 240, 0),
                        row("P3", "resolution", 210, "97.14", 700, 1500, 1920, 0),
                        row("P4", "first-response", 120, "100", 160, 380, 480, 0),
                        row("P4", "resolution", 120, "99.16", 1400, 3600, 4800, 0)),
                monthly(),
                List.of(
                        system("ERP (Sage X3)", "99.9", "99.87", Duration.ofMinutes(172), from, to, 41, "97.6"),
                        system("Messagerie Exchange", "99.5", "100", Duration.ZERO, from, to, -1, "100")),
                List.of(
                        new PausedTime("customer", Duration.ofMinutes(14 * 60 + 20)),
                        new PausedTime("vendor", Duration.ofHours(6)),
                        new PausedTime("other", Duration.ofMinutes(45))),
                List.of(
                        breach(0, "Serveur de fichiers inaccessible", "P1", "resolution", 240, 275),
                        breach(1, "VPN en panne au siège", "P1", "resolution", 240, 262),
                        breach(2, "Imprimante réception", "P2", "first-response", 60, 80),
                        breach(3, "Création de compte", "P2", "first-response", 60, 64),
                        breach(4, "Sauvegarde échouée", "P2", "resolution", 480, 530),
                        breach(5, "Licence expirée", "P2", "resolution", 480, 600)),
                List.of(new CreditLine(
                        "availability",
                        "ERP (Sage X3)",
                        new BigDecimal("99.87"),
                        new BigDecimal("99.9"),
                        new BigDecimal("10"),
                        new BigDecimal("1234.50"))),
                new BigDecimal("1234.50"),
                Currency.getInstance("EUR"),
                null,
                new AccountingRules(
                        List.of("Business hours Paris (Mon–Fri 08:00–18:00, Europe/Paris, holidays FR)", "24x7"),
                        List.of("Waiting on customer", "Waiting on vendor"),
                        List.of("Gold v3 (from 1 May 2026)"),
                        2,
                        1),
                "Two P1 incidents in August came from the file server's failing disk array, replaced on 28 August.\n"
                        + "Next quarter: migration of the mail system, with a maintenance window announced two weeks ahead.");
    }

    /**
     * The same quarter seen on 3 September, not over yet: ERP 13 min 13 s of downtime from its first step,
     * P1 resolution one breach from its first, P2 first response two from its second, P2 resolution at the
     * last step already.
     */
    public static QbrPack runningQuarter(Locale locale) {
        QbrPack quarter = quarter(locale);
        CreditAtRisk atRisk = new CreditAtRisk(
                new BigDecimal("50.00"),
                List.of(
                        new AtRiskLine(
                                "availability",
                                "ERP (Sage X3)",
                                pct("99.930556"),
                                null,
                                pct("99.9"),
                                pct("10"),
                                Duration.ofSeconds(13 * 60 + 13),
                                null),
                        new AtRiskLine("resolution", "P1", pct("95.5"), null, pct("95"), pct("5"), null, 1L),
                        new AtRiskLine("response", "P2", pct("93.2"), pct("5"), pct("90"), pct("15"), null, 2L),
                        new AtRiskLine("resolution", "P2", pct("80"), pct("25"), null, null, null, null)));
        return new QbrPack(
                quarter.mspName(),
                quarter.clientName(),
                quarter.locale(),
                quarter.zone(),
                quarter.from(),
                quarter.to(),
                Instant.parse("2026-09-03T10:00:00Z"),
                quarter.headlines(),
                quarter.priorities(),
                quarter.monthlyMet(),
                quarter.systems(),
                quarter.paused(),
                quarter.breaches(),
                quarter.credits(),
                quarter.creditTotal(),
                quarter.currency(),
                atRisk,
                quarter.rules(),
                quarter.notes());
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    private static PriorityRow row(
            String priority,
            String metric,
            long stopped,
            String met,
            long medianMinutes,
            long p90Minutes,
            long targetMinutes,
            long breaches) {
        return new PriorityRow(
                priority,
                metric,
                stopped,
                new BigDecimal(met),
                Duration.ofMinutes(medianMinutes),
                Duration.ofMinutes(p90Minutes),
                Duration.ofMinutes(targetMinutes),
                breaches);
    }

    private static List<MonthlyMet> monthly() {
        List<MonthlyMet> months = new ArrayList<>();
        String[][] met = {
            {"100", "100", "100"}, {"95.2", "97.1", "98.3"}, {"98.6", "97.4", "98.2"}, {"100", "100", "100"}
        };
        String[][] resolved = {
            {"100", "75", "90"}, {"95.4", "92", "93.8"}, {"97.5", "96.8", "97.1"}, {"100", "97.5", "100"}
        };
        for (int p = 0; p < 4; p++) {
            for (int m = 0; m < 3; m++) {
                YearMonth month = YearMonth.of(2026, 7 + m);
                months.add(new MonthlyMet(month, "P" + (p + 1), "first-response", new BigDecimal(met[p][m])));
                months.add(new MonthlyMet(month, "P" + (p + 1), "resolution", new BigDecimal(resolved[p][m])));
            }
        }
        return months;
    }

    private static SystemUptime system(
            String name,
            String target,
            String availability,
            Duration downtime,
            LocalDate from,
            LocalDate to,
            int badDay,
            String badDayPercent) {
        List<DailyUptime> days = new ArrayList<>();
        int index = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1), index++) {
            days.add(new DailyUptime(day, new BigDecimal(index == badDay ? badDayPercent : "100")));
        }
        BigDecimal targetPercent = new BigDecimal(target);
        BigDecimal availabilityPercent = new BigDecimal(availability);
        return new SystemUptime(
                name,
                targetPercent,
                availabilityPercent,
                availabilityPercent.compareTo(targetPercent) >= 0,
                downtime,
                days);
    }

    private static BreachLine breach(
            int index, String subject, String priority, String metric, long targetMinutes, long businessMinutes) {
        return new BreachLine(
                BREACHED_TICKETS.get(index),
                subject,
                priority,
                metric,
                Duration.ofMinutes(targetMinutes),
                Duration.ofMinutes(businessMinutes),
                Duration.ofMinutes(businessMinutes - targetMinutes),
                Instant.parse("2026-07-06T09:00:00Z").plus(Duration.ofDays(13L * index)));
    }
}
