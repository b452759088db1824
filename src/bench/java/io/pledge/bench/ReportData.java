package io.pledge.bench;

import io.pledge.PledgeApplication;
import io.pledge.clients.Client;
import io.pledge.clients.Contract;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.CatalogMemo;
import io.pledge.tickets.ClockRefresh;
import io.pledge.tickets.RecordedEvent;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketEvents;
import io.pledge.tickets.TicketId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty PostgreSQL database with a year of an MSP's work for the report benchmarks: 1,000 clients
 * in three zones on Gold, Silver and Bronze contracts, of very different sizes (client {@code i} gets a
 * share proportional to {@code 1/(i+5)^0.9}: the largest about 28,000 tickets a year, the median about 440),
 * {@code TICKETS} tickets created from 1 December 2025 to 1 December 2026 with their events (reply, pauses
 * waiting on the customer or a vendor, internal notes, resolution, closing, some reopenings and priority
 * changes; events after now left out, so recent tickets are still open) and their clocks, computed by the
 * SLA engine and stored as the import stores them. One client in three has an external monitor (Gold clients
 * a second one) with a few incidents reported over the year.
 *
 * <p>The catalog is created through the API of the Pledge started here; tickets, events and clocks through
 * the same beans the import writes with ({@link ClockRefresh}, {@link TicketEvents}), in transactions of
 * 2,000 tickets. Same seed, same data. Usage: {@code ReportData TICKETS} with {@code PLEDGE_DB_URL} set.
 */
public final class ReportData {

    static final int CLIENTS = 1000;
    static final String TOKEN = "bench-token-0123456789abcdef0123456789abcdef";
    static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    static final String[] ZONES = {"Europe/Paris", "Europe/London", "America/New_York"};
    static final String[] SERVICES = {"ERP", "Email", "Network", "Workstations", "Printers"};
    static final String[] SUBJECTS = {
        "Cannot log in to the ERP",
        "Outlook keeps asking for my password",
        "VPN drops every few minutes",
        "Printer on the second floor jams",
        "New starter needs an account",
        "Laptop very slow since the update",
        "Shared drive not reachable",
        "Invoice run failed overnight",
        "Wi-Fi down in the meeting room",
        "Phone system: no dial tone",
        "Backup job reported errors",
        "Licence expired for the design software"
    };
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    private ReportData() {}

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int open = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int port = Integer.getInteger("pledge.bench.port", 18083);
        SpringApplication application = new SpringApplication(PledgeApplication.class);
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=" + port, "--logging.level.root=WARN", "--logging.level.io.pledge=WARN")) {
            Api api = new Api(port);
            long started = System.nanoTime();
            List<String> slugs = catalog(api);
            System.out.printf("catalog: %d clients in %.1f s%n", slugs.size(), seconds(started));
            started = System.nanoTime();
            write(context, slugs, tickets);
            System.out.printf("tickets: %d in %.1f s%n", tickets, seconds(started));
            if (open > 0) {
                started = System.nanoTime();
                writeOpen(context, slugs, open);
                System.out.printf("open tickets: %d in %.1f s%n", open, seconds(started));
            }
        }
    }

    /** Tier, calendar, client, contract and monitor of every client; the clients' slugs in order. */
    static List<String> catalog(Api api) throws Exception {
        Map<String, String> calendars = new HashMap<>();
        for (String zone : ZONES) {
            calendars.put(zone, id(api.post("/api/v1/calendars", """
                    {"name": "Office %s", "zone": "%s",
                     "hours": {"mon": [["09:00","18:00"]], "tue": [["09:00","18:00"]], "wed": [["09:00","18:00"]],
                               "thu": [["09:00","18:00"]], "fri": [["09:00","18:00"]]},
                     "holidays": ["2025-12-25", "2026-01-01", "2026-05-01", "2026-12-25"]}""".formatted(zone, zone))));
        }
        String[][] targets = {
            {"PT30M", "PT4H", "PT1H", "PT8H", "PT4H", "PT24H", "PT8H", "PT40H"},
            {"PT1H", "PT8H", "PT2H", "PT16H", "PT8H", "PT40H", "PT16H", "PT80H"},
            {"PT2H", "PT16H", "PT4H", "PT24H", "PT16H", "PT80H", "PT24H", "PT120H"}
        };
        String[] names = {"Gold", "Silver", "Bronze"};
        String[] tiers = new String[3];
        for (int t = 0; t < 3; t++) {
            StringBuilder list = new StringBuilder();
            for (int p = 0; p < 4; p++) {
                list.append(p == 0 ? "" : ",")
                        .append("{\"priority\": \"P%d\", \"metric\": \"FIRST_RESPONSE\", \"target\": \"%s\"},"
                                .formatted(p + 1, targets[t][2 * p]))
                        .append("{\"priority\": \"P%d\", \"metric\": \"RESOLUTION\", \"target\": \"%s\"}"
                                .formatted(p + 1, targets[t][2 * p + 1]));
            }
            tiers[t] = id(api.post("/api/v1/tiers", """
                    {"name": "%s", "policy": {"targets": [%s],
                     "credits": [{"availabilityBelow": 99.9, "creditPercent": 10},
                                 {"availabilityBelow": 99, "creditPercent": 25}],
                     "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5},
                                       {"metric": "FIRST_RESPONSE", "metBelow": 90, "creditPercent": 5}],
                     "creditCapPercent": 30}}""".formatted(names[t], list)));
        }
        Random random = new Random(7);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String zone = ZONES[i % 3];
            String slug = "client-%04d".formatted(i);
            String client = id(api.post("/api/v1/clients", """
                    {"name": "Client %04d", "slug": "%s", "zone": "%s", "language": "%s"}""".formatted(i, slug, zone, zone.equals("Europe/Paris") ? "fr" : "en")));
            int tier = tier(i);
            id(api.post("/api/v1/clients/" + client + "/contracts", """
                    {"tierId": "%s", "calendarId": "%s", "startDate": "2025-01-01",
                     "services": ["ERP", "Email", "Network", "Workstations"],
                     "monthlyFee": %d, "currency": "%s"}""".formatted(tiers[tier], calendars.get(zone), (3 - tier) * 1500, zone.equals("Europe/London") ? "GBP" : zone.equals("America/New_York") ? "USD" : "EUR")));
            if (i % 3 == 0 || tier == 0) {
                monitor(api, slug, "ERP", "99.9", random);
            }
            if (tier == 0) {
                monitor(api, slug, "Email", "99.5", random);
            }
            slugs.add(slug);
        }
        return slugs;
    }

    /** Gold for two clients in ten, Silver for three, Bronze for the rest. */
    static int tier(int client) {
        int tenth = client % 10;
        return tenth < 2 ? 0 : tenth < 5 ? 1 : 2;
    }

    /** An external monitor, watched from 1 December 2025, with four incidents of 2 to 92 minutes. */
    private static void monitor(Api api, String slug, String name, String target, Random random)
            throws Exception {
        String created = api.post("/api/v1/monitors", """
                {"client": "%s", "name": "%s", "kind": "EXTERNAL", "target": %s}""".formatted(slug, name, target));
        Matcher secret = SECRET.matcher(created);
        if (!secret.find()) {
            throw new IllegalStateException("no secret in " + created);
        }
        Api tool = api.withToken(secret.group(1));
        Instant first = FROM.plus(Duration.ofMinutes(random.nextInt(60)));
        List<Instant[]> incidents = new ArrayList<>();
        incidents.add(new Instant[] {first, first.plus(Duration.ofMinutes(2))});
        for (int k = 0; k < 3; k++) {
            Instant down = FROM.plus(Duration.ofMinutes(60 + random.nextInt(360 * 24 * 60)));
            incidents.add(new Instant[] {down, down.plus(Duration.ofMinutes(2 + random.nextInt(91)))});
        }
        incidents.sort((a, b) -> a[0].compareTo(b[0]));
        int key = 0;
        for (Instant[] incident : incidents) {
            key++;
            tool.post("/api/v1/ingest/monitor-events", """
                    {"status": "DOWN", "key": "i%d", "at": "%s"}""".formatted(key, incident[0]));
            tool.post("/api/v1/ingest/monitor-events", """
                    {"status": "UP", "key": "i%d", "at": "%s"}""".formatted(key, incident[1]));
        }
    }

    /** How many of {@code total} tickets each client gets. */
    static int[] sizes(int total) {
        double[] weight = new double[CLIENTS];
        double sum = 0;
        for (int i = 0; i < CLIENTS; i++) {
            weight[i] = 1 / Math.pow(i + 5, 0.9);
            sum += weight[i];
        }
        int[] sizes = new int[CLIENTS];
        int given = 0;
        for (int i = 0; i < CLIENTS; i++) {
            sizes[i] = (int) Math.floor(total * weight[i] / sum);
            given += sizes[i];
        }
        for (int i = 0; given < total; i = (i + 1) % CLIENTS, given++) {
            sizes[i]++;
        }
        return sizes;
    }

    static void write(ConfigurableApplicationContext context, List<String> slugs, int total) {
        TicketDesk desk = context.getBean(TicketDesk.class);
        ClockRefresh refresh = context.getBean(ClockRefresh.class);
        TicketEvents events = context.getBean(TicketEvents.class);
        TransactionTemplate transaction =
                new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        CatalogMemo memo = desk.memo();
        Instant now = Instant.now();
        int[] sizes = sizes(total);
        Random random = new Random(42);
        List<Ticket> batch = new ArrayList<>();
        Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        int written = 0;
        long started = System.nanoTime();
        for (int i = 0; i < slugs.size(); i++) {
            Client client = memo.client(slugs.get(i)).orElseThrow();
            ZoneId zone = client.details().zone();
            for (int n = 0; n < sizes[i]; n++) {
                Instant createdAt = createdAt(random, zone);
                Contract contract = memo.contractAt(client, createdAt);
                Priority priority = Priority.of(priority(random));
                // One ticket in a hundred is for a service the contract does not cover: out of scope.
                String service = random.nextInt(100) == 0 ? "Printers" : SERVICES[random.nextInt(4)];
                Ticket ticket = TicketDesk.build(
                        client,
                        contract,
                        c -> memo.policyAt(c.terms().tier(), createdAt),
                        priority,
                        service,
                        SUBJECTS[random.nextInt(SUBJECTS.length)],
                        null,
                        "user" + random.nextInt(200) + "@" + client.slug() + ".example",
                        createdAt,
                        "bench",
                        "INC%07d".formatted(n + 1));
                batch.add(ticket);
                timelines.put(ticket.id(), timeline(ticket, random, now));
                if (batch.size() == 2000) {
                    flush(transaction, refresh, events, batch, timelines, now);
                    written += 2000;
                    if (written % 100_000 == 0) {
                        System.out.printf("  %d tickets, %.0f /s%n", written, written / seconds(started));
                    }
                }
            }
        }
        flush(transaction, refresh, events, batch, timelines, now);
    }

    /**
     * {@code total} more tickets, shared among the clients as the year's are, opened over the last ten days
     * and still open: half not answered yet, the others answered, some waiting on the customer (the queue's
     * and the dashboard's load).
     */
    static void writeOpen(ConfigurableApplicationContext context, List<String> slugs, int total) {
        TicketDesk desk = context.getBean(TicketDesk.class);
        ClockRefresh refresh = context.getBean(ClockRefresh.class);
        TicketEvents events = context.getBean(TicketEvents.class);
        TransactionTemplate transaction =
                new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        CatalogMemo memo = desk.memo();
        Instant now = Instant.now();
        int[] sizes = sizes(total);
        Random random = new Random(43);
        List<Ticket> batch = new ArrayList<>();
        Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        for (int i = 0; i < slugs.size(); i++) {
            Client client = memo.client(slugs.get(i)).orElseThrow();
            for (int n = 0; n < sizes[i]; n++) {
                Instant createdAt = now.minus(Duration.ofMinutes(1 + random.nextInt(10 * 24 * 60)));
                Contract contract = memo.contractAt(client, createdAt);
                Ticket ticket = TicketDesk.build(
                        client,
                        contract,
                        c -> memo.policyAt(c.terms().tier(), createdAt),
                        Priority.of(priority(random)),
                        SERVICES[random.nextInt(4)],
                        SUBJECTS[random.nextInt(SUBJECTS.length)],
                        null,
                        "user" + random.nextInt(200) + "@" + client.slug() + ".example",
                        createdAt,
                        "bench",
                        "OPEN%07d".formatted(n + 1));
                List<RecordedEvent> timeline = new ArrayList<>();
                timeline.add(event(ticket, 1, EventType.CREATED, createdAt, ticket.priority(), null, null, null, null));
                Instant replied = createdAt.plus(delay(random, 60, 1.0));
                if (random.nextBoolean() && replied.isBefore(now)) {
                    timeline.add(event(ticket, 2, EventType.REPLIED, replied, null, null, "AGENT", true, "On it."));
                    Instant waiting = replied.plus(delay(random, 30, 1.0));
                    if (random.nextInt(100) < 20 && waiting.isBefore(now)) {
                        timeline.add(event(
                                ticket, 3, EventType.STATUS_CHANGED, waiting, null,
                                TicketStatus.WAITING_ON_CUSTOMER, null, null, null));
                    }
                }
                batch.add(ticket);
                timelines.put(ticket.id(), timeline);
                if (batch.size() == 2000) {
                    flush(transaction, refresh, events, batch, timelines, now);
                }
            }
        }
        flush(transaction, refresh, events, batch, timelines, now);
    }

    /** Evaluates a batch of tickets' clocks and writes them with their events, in one transaction. */
    static void flush(
            TransactionTemplate transaction,
            ClockRefresh refresh,
            TicketEvents events,
            List<Ticket> batch,
            Map<TicketId, List<RecordedEvent>> timelines,
            Instant now) {
        if (batch.isEmpty()) {
            return;
        }
        ClockRefresh.Evaluated evaluated = refresh.evaluate(batch, timelines, now);
        List<RecordedEvent> all = new ArrayList<>();
        batch.forEach(t -> all.addAll(timelines.get(t.id())));
        transaction.executeWithoutResult(status -> {
            refresh.insert(evaluated, now, ClockRefresh.Thresholds.HISTORY);
            events.append(all);
        });
        batch.clear();
        timelines.clear();
    }

    /** Mostly in office hours on working days, some at night and at weekends. */
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

    private static String priority(Random random) {
        int p = random.nextInt(100);
        return p < 5 ? "P1" : p < 25 ? "P2" : p < 75 ? "P3" : "P4";
    }

    /** Minutes, log-normal around a median. */
    private static Duration delay(Random random, double medianMinutes, double spread) {
        double minutes = medianMinutes * Math.exp(random.nextGaussian() * spread);
        return Duration.ofSeconds(Math.max(30, (long) (minutes * 60)));
    }

    private static List<RecordedEvent> timeline(Ticket ticket, Random random, Instant now) {
        int p = ticket.priority().code().charAt(1) - '1';
        double[] reply = {20, 50, 150, 300};
        double[] resolve = {180, 480, 1800, 3600};
        List<RecordedEvent> events = new ArrayList<>();
        Instant at = ticket.createdAt();
        events.add(event(ticket, 1, EventType.CREATED, at, ticket.priority(), null, null, null, null));
        Instant replied = at.plus(delay(random, reply[p], 1.0));
        events.add(event(ticket, 0, EventType.REPLIED, replied, null, null, "AGENT", true, "We are on it."));
        Instant cursor = replied;
        if (random.nextInt(100) < 20) {
            events.add(event(
                    ticket,
                    0,
                    EventType.NOTE,
                    replied.plus(delay(random, 30, 1)),
                    null,
                    null,
                    null,
                    false,
                    "internal: called the vendor, ref " + random.nextInt(100_000)));
        }
        if (random.nextInt(100) < 3) {
            Priority changed = Priority.of("P" + Math.max(1, p));
            events.add(event(
                    ticket, 0, EventType.PRIORITY_CHANGED, replied.plus(delay(random, 60, 1)), changed, null, null,
                    null, null));
        }
        int pause = random.nextInt(100);
        if (pause < 38) {
            TicketStatus waiting = pause < 30 ? TicketStatus.WAITING_ON_CUSTOMER : TicketStatus.WAITING_ON_VENDOR;
            Instant paused = cursor.plus(delay(random, 60, 1));
            Instant resumed = paused.plus(delay(random, 600, 1.2));
            events.add(event(ticket, 0, EventType.STATUS_CHANGED, paused, null, waiting, null, null, null));
            events.add(event(
                    ticket, 0, EventType.STATUS_CHANGED, resumed, null, TicketStatus.IN_PROGRESS, null, null, null));
            cursor = resumed;
        }
        Instant resolved = cursor.plus(delay(random, resolve[p], 1.1));
        events.add(event(ticket, 0, EventType.RESOLVED, resolved, null, null, null, null, null));
        if (random.nextInt(100) < 3) {
            Instant reopened = resolved.plus(delay(random, 1440, 0.5));
            events.add(event(ticket, 0, EventType.REOPENED, reopened, null, null, null, null, null));
            resolved = reopened.plus(delay(random, resolve[p] / 2, 1));
            events.add(event(ticket, 0, EventType.RESOLVED, resolved, null, null, null, null, null));
        }
        events.add(event(ticket, 0, EventType.CLOSED, resolved.plus(Duration.ofDays(3)), null, null, null, null, null));
        // What has not happened yet is not recorded: recent tickets are still open.
        events.removeIf(e -> e.at().isAfter(now));
        events.sort((a, b) -> a.at().compareTo(b.at()));
        List<RecordedEvent> numbered = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            numbered.add(new RecordedEvent(
                    e.id(), e.ticket(), i + 1, e.kind(), e.at(), e.priority(), e.status(), null, e.author(),
                    e.isPublic(), e.body(), null, null, "bench", null, e.at(), null));
        }
        return numbered;
    }

    private static RecordedEvent event(
            Ticket ticket,
            long seq,
            EventType kind,
            Instant at,
            Priority priority,
            TicketStatus status,
            String author,
            Boolean isPublic,
            String body) {
        return new RecordedEvent(
                UUID.randomUUID(), ticket.id(), seq, kind, at, priority, status, null, author, isPublic, body, null,
                null, "bench", null, at, null);
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String id(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return id.group(1);
    }

    /** The API of the Pledge started here, with a token. */
    record Api(HttpClient http, int port, String token) {

        Api(int port) {
            this(HttpClient.newHttpClient(), port, TOKEN);
        }

        Api withToken(String other) {
            return new Api(http, port, other);
        }

        String post(String path, String json) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
