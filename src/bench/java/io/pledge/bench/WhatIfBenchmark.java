package io.pledge.bench;

import io.pledge.PledgeApplication;
import io.pledge.advisor.AdvisorReport;
import io.pledge.advisor.Replay;
import io.pledge.advisor.TargetAdvisor;
import io.pledge.advisor.WhatIfReplays;
import io.pledge.clients.Client;
import io.pledge.clients.Contract;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.Tier;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.clients.Tiers;
import io.pledge.core.Scope;
import io.pledge.reporting.ReportPeriod;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.CatalogMemo;
import io.pledge.tickets.ClockRefresh;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketEvents;
import io.pledge.tickets.TicketId;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if replay and the target advisor over 25,000 tickets with 100,000 events on H2 (issue 19): fills a
 * fresh H2 database (25 clients on one tier, an office calendar in Europe/Paris, every ticket raised in the third
 * quarter of 2026 with exactly four events: created, a public reply, resolved and closed, or created, waiting on
 * the customer, a public reply and resolved), then times the replay of a tighter proposal over the quarter as
 * the API calls it ({@link WhatIfReplays#replay}, reads included), the same through HTTP, and the advisor
 * ({@link TargetAdvisor#advise}), each warm, one round after another.
 *
 * <p>Arguments: tickets (25,000), rounds (10).
 */
public final class WhatIfBenchmark {

    static final int CLIENTS = 25;
    static final Instant FROM = Instant.parse("2026-07-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-09-25T00:00:00Z");

    private WhatIfBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 25_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int port = Integer.getInteger("pledge.bench.port", 18093);
        SpringApplication application = new SpringApplication(PledgeApplication.class);
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=" + port, "--logging.level.root=WARN", "--logging.level.io.pledge=WARN")) {
            ReportData.Api api = new ReportData.Api(port);
            long started = System.nanoTime();
            String tier = catalog(api);
            write(context, tickets);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long storedTickets = jdbc.sql("select count(*) from ticket").query(Long.class).single();
            long storedEvents = jdbc.sql("select count(*) from ticket_event").query(Long.class).single();
            System.out.printf(
                    "data: %d tickets, %d events, %d clients, in %.1f s%n",
                    storedTickets, storedEvents, CLIENTS, ReportData.seconds(started));

            Tiers tiers = context.getBean(Tiers.class);
            Tier gold = tiers.find(new io.pledge.clients.TierId(UUID.fromString(tier))).orElseThrow();
            String proposal = """
                    {"targets": [
                       {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT20M"},
                       {"priority": "P1", "metric": "RESOLUTION", "target": "PT3H"},
                       {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT45M"},
                       {"priority": "P2", "metric": "RESOLUTION", "target": "PT6H"},
                       {"priority": "P3", "metric": "FIRST_RESPONSE", "target": "PT3H"},
                       {"priority": "P3", "metric": "RESOLUTION", "target": "PT20H"},
                       {"priority": "P4", "metric": "FIRST_RESPONSE", "target": "PT6H"},
                       {"priority": "P4", "metric": "RESOLUTION", "target": "PT32H"}],
                     "pauseStatuses": {"RESOLUTION": ["WAITING_ON_VENDOR"]},
                     "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5}]}""";
            PolicyTerms terms = PolicyTerms.parse(
                    context.getBean(JsonMapper.class).readValue(proposal, TierPolicyDocument.class),
                    context.getBean(PriorityScheme.class));
            WhatIfReplays replays = context.getBean(WhatIfReplays.class);
            TargetAdvisor advisor = context.getBean(TargetAdvisor.class);
            ReportPeriod quarter = ReportPeriod.parse("2026-Q3", null, null);

            Replay replay = replays.replay(gold, terms, null, quarter, List.of(), Scope.everything());
            System.out.printf(
                    "replay: %d tickets, %d with a changed outcome; resolution met %% %s in force, %s proposed%n",
                    replay.tickets(),
                    replay.changedTickets(),
                    replay.metrics().get(1).current().metPercent(),
                    replay.metrics().get(1).proposed().metPercent());
            io.pledge.tickets.ClockRecords records = context.getBean(io.pledge.tickets.ClockRecords.class);
            List<Client> all = context.getBean(io.pledge.clients.Clients.class).all();
            time("reads only (ClockRecords.histories, every client)", rounds, () -> {
                int read = 0;
                for (Client client : all) {
                    read += records.histories(
                                    client.id().value(),
                                    gold.id().value(),
                                    quarter.start(client.details().zone()),
                                    quarter.end(client.details().zone()),
                                    Scope.everything())
                            .size();
                }
                return read;
            });
            time("replay (service, reads included)", rounds, () -> replays.replay(
                    gold, terms, null, quarter, List.of(), Scope.everything()));
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"tierId\": \"%s\", \"period\": \"2026-Q3\", \"policy\": %s}".formatted(tier, proposal);
            time("replay (POST /api/v1/what-if)", rounds, () -> {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/what-if"))
                                .header("Authorization", "Bearer " + ReportData.TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                return response.body().length();
            });
            AdvisorReport advice = advisor.advise(
                    quarter, Optional.of(gold.id()), Optional.empty(), BigDecimal.valueOf(95), Scope.everything());
            System.out.printf("advisor: %d lines, %d clocks%n", advice.lines().size(), advice.lines().stream()
                    .mapToInt(AdvisorReport.Line::clocks)
                    .sum());
            time("advisor (service, reads included)", rounds, () -> advisor.advise(
                    quarter, Optional.empty(), Optional.empty(), BigDecimal.valueOf(95), Scope.everything()));
        }
    }

    interface Round {
        Object run() throws Exception;
    }

    private static void time(String what, int rounds, Round round) throws Exception {
        for (int i = 0; i < 3; i++) {
            round.run();
        }
        long[] millis = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            round.run();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: %d warm rounds (after 3 warm-up), ms %s; median %d ms, min %d ms, max %d ms%n",
                what, rounds, Arrays.toString(millis), sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
    }

    /** One office calendar, the Gold tier, and the clients with their contracts; the tier's id. */
    private static String catalog(ReportData.Api api) throws Exception {
        String calendar = id(api.post("/api/v1/calendars", """
                {"name": "Office Paris", "zone": "Europe/Paris",
                 "hours": {"mon": [["09:00","18:00"]], "tue": [["09:00","18:00"]], "wed": [["09:00","18:00"]],
                           "thu": [["09:00","18:00"]], "fri": [["09:00","18:00"]]},
                 "holidays": ["2026-07-14", "2026-08-15"]}"""));
        String tier = id(api.post("/api/v1/tiers", """
                {"name": "Gold", "policy": {"targets": [
                   {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT30M"},
                   {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                   {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                   {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"},
                   {"priority": "P3", "metric": "FIRST_RESPONSE", "target": "PT4H"},
                   {"priority": "P3", "metric": "RESOLUTION", "target": "PT24H"},
                   {"priority": "P4", "metric": "FIRST_RESPONSE", "target": "PT8H"},
                   {"priority": "P4", "metric": "RESOLUTION", "target": "PT40H"}],
                 "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5}]}}"""));
        for (int i = 0; i < CLIENTS; i++) {
            String client = id(api.post("/api/v1/clients", """
                    {"name": "Client %02d", "slug": "client-%02d", "zone": "Europe/Paris"}""".formatted(i, i)));
            id(api.post("/api/v1/clients/" + client + "/contracts", """
                    {"tierId": "%s", "calendarId": "%s", "startDate": "2026-01-01", "services": [],
                     "monthlyFee": 1500, "currency": "EUR"}""".formatted(tier, calendar)));
        }
        return tier;
    }

    private static void write(ConfigurableApplicationContext context, int total) {
        ClockRefresh refresh = context.getBean(ClockRefresh.class);
        TicketEvents events = context.getBean(TicketEvents.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        CatalogMemo memo = context.getBean(TicketDesk.class).memo();
        Instant now = Instant.now();
        Random random = new Random(19);
        List<Ticket> batch = new ArrayList<>();
        Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        for (int n = 0; n < total; n++) {
            Client client = memo.client("client-%02d".formatted(n % CLIENTS)).orElseThrow();
            Instant createdAt = createdAt(random, client.details().zone());
            Contract contract = memo.contractAt(client, createdAt);
            int p = random.nextInt(100);
            Priority priority = Priority.of(p < 5 ? "P1" : p < 25 ? "P2" : p < 75 ? "P3" : "P4");
            Ticket ticket = TicketDesk.build(
                    client,
                    contract,
                    c -> memo.policyAt(c.terms().tier(), createdAt),
                    priority,
                    null,
                    "Something is down",
                    null,
                    "user@" + client.slug() + ".example",
                    createdAt,
                    "bench",
                    "INC%07d".formatted(n + 1));
            batch.add(ticket);
            timelines.put(ticket.id(), timeline(ticket, random));
            if (batch.size() == 2000) {
                ReportData.flush(transaction, refresh, events, batch, timelines, now);
            }
        }
        ReportData.flush(transaction, refresh, events, batch, timelines, now);
    }

    /** Mostly in office hours on working days. */
    private static Instant createdAt(Random random, ZoneId zone) {
        long span = Duration.between(FROM, TO).toMinutes();
        while (true) {
            Instant at = FROM.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
            ZonedDateTime local = at.atZone(zone);
            boolean office = local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 8 && local.getHour() < 19;
            if (office || random.nextInt(10) == 0) {
                return at.plusSeconds(random.nextInt(60));
            }
        }
    }

    /** Exactly four events: created, replied, resolved, closed; or created, waiting on the customer, replied, resolved. */
    private static List<RecordedEvent> timeline(Ticket ticket, Random random) {
        int p = ticket.priority().code().charAt(1) - '1';
        double[] reply = {20, 50, 150, 300};
        double[] resolve = {180, 480, 1800, 3600};
        Instant at = ticket.createdAt();
        List<RecordedEvent> events = new ArrayList<>();
        events.add(event(ticket, 1, EventType.CREATED, at, ticket.priority(), null, null, null));
        if (random.nextInt(100) < 30) {
            Instant waiting = at.plus(delay(random, 10, 0.5));
            Instant replied = waiting.plus(delay(random, reply[p], 1.0));
            events.add(event(ticket, 2, EventType.STATUS_CHANGED, waiting, null, TicketStatus.WAITING_ON_CUSTOMER, null, null));
            events.add(event(ticket, 3, EventType.REPLIED, replied, null, null, "AGENT", true));
            events.add(event(ticket, 4, EventType.RESOLVED, replied.plus(delay(random, resolve[p], 1.1)), null, null, null, null));
        } else {
            Instant replied = at.plus(delay(random, reply[p], 1.0));
            Instant resolved = replied.plus(delay(random, resolve[p], 1.1));
            events.add(event(ticket, 2, EventType.REPLIED, replied, null, null, "AGENT", true));
            events.add(event(ticket, 3, EventType.RESOLVED, resolved, null, null, null, null));
            events.add(event(ticket, 4, EventType.CLOSED, resolved.plus(Duration.ofDays(3)), null, null, null, null));
        }
        return events;
    }

    private static Duration delay(Random random, double medianMinutes, double spread) {
        double minutes = medianMinutes * Math.exp(random.nextGaussian() * spread);
        return Duration.ofSeconds(Math.max(30, (long) (minutes * 60)));
    }

    private static RecordedEvent event(
            Ticket ticket, long seq, EventType kind, Instant at, Priority priority, TicketStatus status, String author,
            Boolean isPublic) {
        return new RecordedEvent(
                UUID.randomUUID(), ticket.id(), seq, kind, at, priority, status, null, author, isPublic, null, null,
                null, "bench", null, at, null);
    }

    private static String id(String json) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return id.group(1);
    }
}
