package io.pledge.demo;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientDocument;
import io.pledge.clients.ClientDocument.ContactDocument;
import io.pledge.clients.Clients;
import io.pledge.clients.ContractDocument;
import io.pledge.clients.ContractTerms;
import io.pledge.clients.Contracts;
import io.pledge.clients.CreditStep;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicyDocument.TargetDocument;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a realistic MSP catalog when {@code pledge.demo=true} and the catalog has no tiers yet: Gold,
 * Silver and Bronze tiers, a Paris office calendar with French holidays, a 24x7 calendar, and three
 * clients with contracts for the current year. Everything goes through the same validation as the API.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "pledge.demo", havingValue = "true")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final String AUTHOR = "demo";

    private final Calendars calendars;
    private final Tiers tiers;
    private final Clients clients;
    private final Contracts contracts;
    private final PriorityScheme priorities;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoCatalog(
            Calendars calendars,
            Tiers tiers,
            Clients clients,
            Contracts contracts,
            PriorityScheme priorities,
            TransactionTemplate transactions,
            Clock clock) {
        this.calendars = calendars;
        this.tiers = tiers;
        this.clients = clients;
        this.contracts = contracts;
        this.priorities = priorities;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!tiers.all().isEmpty()) {
            log.info("Demo catalog not loaded: the catalog already has tiers");
            return;
        }
        transactions.executeWithoutResult(status -> load());
        log.info("Loaded the demo catalog: tiers Gold, Silver, Bronze; clients acme, durand, northwind");
    }

    private void load() {
        CalendarId paris = calendars
                .add(CalendarDefinition.parse(new CalendarDocument(
                        "Paris office",
                        "Europe/Paris",
                        Map.of(
                                "mon", List.of(List.of("08:30", "12:30"), List.of("13:30", "18:00")),
                                "tue", List.of(List.of("08:30", "18:00")),
                                "wed", List.of(List.of("08:30", "18:00")),
                                "thu", List.of(List.of("08:30", "18:00")),
                                "fri", List.of(List.of("08:30", "17:00"))),
                        List.of("FR"),
                        List.of(),
                        Map.of())))
                .id();
        CalendarId always = calendars
                .add(CalendarDefinition.alwaysOpen("Always", ZoneId.of("UTC")))
                .id();

        // Targets: {first response, resolution} per priority; 5 business days = 45 business hours.
        Tier gold = tier(
                "Gold",
                "Premium: 24x7 for critical incidents, fastest targets",
                targets(always, "PT15M", "PT4H", "PT30M", "PT8H", "PT1H", "PT16H", "PT4H", "PT40H"),
                "99.9",
                List.of(step("99.9", "10"), step("99.0", "25")),
                "50");
        Tier silver = tier(
                "Silver",
                "Business hours, balanced targets",
                targets(null, "PT30M", "PT8H", "PT1H", "PT16H", "PT4H", "PT24H", "PT8H", "PT45H"),
                "99.5",
                List.of(step("99.5", "5"), step("98.5", "15")),
                "30");
        Tier bronze = tier(
                "Bronze",
                "Business hours, essential coverage",
                targets(null, "PT1H", "PT16H", "PT4H", "PT24H", "PT8H", "PT45H", "PT16H", "PT90H"),
                "99.0",
                List.of(step("99.0", "5")),
                "10");

        int year = LocalDate.now(clock).getYear();
        client("Acme Manufacturing", "acme", "Marie Laurent", "it@acme.example", gold, paris, year, "4800.00");
        client("Boulangerie Durand", "durand", "Paul Durand", "paul@durand.example", silver, paris, year, "1200.00");
        client("Northwind Logistics", "northwind", "Ana Costa", "ops@northwind.example", bronze, paris, year, "650.00");
    }

    /**
     * Targets from pairs (first response, resolution) for P1, P2, …; P1 counts in {@code p1Calendar}
     * (24x7) when given, the others in the contract's calendar.
     */
    private static List<TargetDocument> targets(CalendarId p1Calendar, String... pairs) {
        List<TargetDocument> targets = new ArrayList<>();
        for (int i = 0; i < pairs.length / 2; i++) {
            String priority = "P" + (i + 1);
            String calendar = i == 0 && p1Calendar != null ? p1Calendar.toString() : null;
            targets.add(new TargetDocument(priority, "FIRST_RESPONSE", pairs[2 * i], calendar));
            targets.add(new TargetDocument(priority, "RESOLUTION", pairs[2 * i + 1], calendar));
        }
        return targets;
    }

    private Tier tier(
            String name,
            String description,
            List<TargetDocument> targets,
            String uptime,
            List<CreditStep> credits,
            String cap) {
        TierPolicyDocument document = new TierPolicyDocument(
                targets, null, null, null, null, null, new BigDecimal(uptime), credits, new BigDecimal(cap));
        return tiers.add(name, description, PolicyTerms.parse(document, priorities), AUTHOR);
    }

    private static CreditStep step(String below, String percent) {
        return new CreditStep(new BigDecimal(below), new BigDecimal(percent));
    }

    private void client(
            String name,
            String slug,
            String contact,
            String email,
            Tier tier,
            CalendarId calendar,
            int year,
            String monthlyFee) {
        var client = clients.add(ClientDetails.parse(
                new ClientDocument(name, slug, "Europe/Paris", List.of(new ContactDocument(contact, email, null)))));
        contracts.add(
                client.id(),
                ContractTerms.parse(new ContractDocument(
                        tier.id().toString(),
                        calendar.toString(),
                        year + "-01-01",
                        year + "-12-31",
                        List.of("Microsoft 365", "Network", "Workstations", "ERP"),
                        new BigDecimal(monthlyFee),
                        "EUR")));
    }
}
