package io.pledge.bench;

import io.pledge.PledgeApplication;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.reporting.ComplianceReport;
import io.pledge.reporting.ComplianceReport.ClockLine;
import io.pledge.reporting.ComplianceReports;
import io.pledge.reporting.Overview;
import io.pledge.reporting.Overviews;
import io.pledge.reporting.ReportPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compliance report of one client for a quarter and the MSP-wide overview, each timed against a
 * hand-written SQL aggregate computing the same met % and percentiles on the same database, in one run and
 * interleaved: report, its SQL, report, its SQL… Before timing, each pair is checked to give the same
 * figures. Usage: {@code ReportBenchmark PERIOD ROUNDS CLIENT…} (e.g. {@code 2026-Q3 15 client-0000
 * client-0500}) with {@code PLEDGE_DB_URL} naming the database {@link ReportData} filled.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {}

    public static void main(String[] args) {
        String label = args.length > 0 ? args[0] : "2026-Q3";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<String> clients = args.length > 2
                ? Arrays.asList(args).subList(2, args.length)
                : List.of("client-0000", "client-0500");
        SpringApplication application = new SpringApplication(PledgeApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context =
                application.run("--logging.level.root=WARN", "--logging.level.io.pledge=WARN")) {
            run(context, ReportPeriod.parse(label, null, null), rounds, clients);
        }
    }

    static void run(ConfigurableApplicationContext context, ReportPeriod period, int rounds, List<String> slugs) {
        ComplianceReports reports = context.getBean(ComplianceReports.class);
        Overviews overviews = context.getBean(Overviews.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Scope all = Scope.everything();
        System.out.printf(
                "database: %d tickets, %d clock rows, %d events; period %s%n",
                jdbc.sql("select count(*) from ticket").query(Long.class).single(),
                jdbc.sql("select count(*) from ticket_clock").query(Long.class).single(),
                jdbc.sql("select count(*) from ticket_event").query(Long.class).single(),
                period.label());

        Map<String, Supplier<Object>> timed = new LinkedHashMap<>();
        for (String slug : slugs) {
            Map<String, Object> client = jdbc.sql("select id, zone from client where slug = :slug")
                    .param("slug", slug)
                    .query()
                    .singleRow();
            UUID id = (UUID) client.get("id");
            ZoneId zone = ZoneId.of((String) client.get("zone"));
            Instant start = period.start(zone);
            Instant end = period.end(zone);
            Supplier<Object> report = () -> reports.of(slug, period, all);
            Supplier<Object> sql = () -> clientAggregate(jdbc, id, start, end);
            Supplier<Object> rowsSql = () -> clientAggregateOnClockRows(jdbc, id, start, end);
            ComplianceReport first = reports.of(slug, period, all);
            check(slug, first, clientAggregate(jdbc, id, start, end));
            check(slug, first, clientAggregateOnClockRows(jdbc, id, start, end));
            timed.put("report " + slug, report);
            timed.put("sql " + slug, sql);
            timed.put("sql rows " + slug, rowsSql);
        }
        Supplier<Object> overview = () -> overviews.of(period, all);
        Supplier<Object> overviewSql = () -> overviewAggregate(jdbc, period);
        check(overviews.of(period, all), overviewAggregate(jdbc, period));
        check(overviews.of(period, all), overviewAggregateOnClockRows(jdbc, period));
        timed.put("report overview", overview);
        timed.put("sql overview", overviewSql);
        timed.put("sql rows overview", () -> overviewAggregateOnClockRows(jdbc, period));

        // Warm-up: the JIT compiles the report code, the database caches the rows.
        for (int round = 0; round < 5; round++) {
            timed.values().forEach(Supplier::get);
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Supplier<Object>> entry : timed.entrySet()) {
                long started = System.nanoTime();
                Objects.requireNonNull(entry.getValue().get());
                times.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(System.nanoTime() - started);
            }
        }
        System.out.printf("%-24s %10s %10s %10s%n", "what", "median ms", "min ms", "max ms");
        Map<String, Double> medians = new HashMap<>();
        times.forEach((name, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2) / 1e6;
            medians.put(name, median);
            System.out.printf(
                    "%-24s %10.1f %10.1f %10.1f%n",
                    name, median, sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        });
        for (String name : times.keySet()) {
            if (name.startsWith("report ")) {
                String what = name.substring("report ".length());
                System.out.printf(
                        "ratio %-18s %6.2f (report median ÷ SQL median), %6.2f (÷ SQL on the clock rows alone)%n",
                        what, medians.get(name) / medians.get("sql " + what), medians.get(name) / medians.get("sql rows " + what));
            }
        }
    }

    /** A clock line as the SQL states it. */
    record Line(String priority, String metric, long target, long stopped, long met, Duration p50, Duration p90) {

        BigDecimal metPercent() {
            return BigDecimal.valueOf(met * 100)
                    .divide(BigDecimal.valueOf(stopped), 2, RoundingMode.HALF_EVEN);
        }
    }

    /**
     * The hand-written aggregate of a client's period: per priority, metric and target, the clocks that
     * stopped met or breached in it, how many were met, the nearest-rank median and 90th percentile of their
     * business time ({@code percentile_disc}: the smallest value with at least that share at or below it).
     */
    static List<Line> clientAggregate(JdbcClient jdbc, UUID client, Instant start, Instant end) {
        return jdbc.sql("""
                        select c.priority, c.metric, c.target_seconds,
                               count(*) as stopped,
                               count(*) filter (where c.state = 'MET') as met,
                               percentile_disc(0.5) within group (order by c.elapsed_seconds) as p50,
                               percentile_disc(0.9) within group (order by c.elapsed_seconds) as p90
                        from ticket t join ticket_clock c on c.ticket_id = t.id
                        where t.client_id = :client
                          and c.stopped_at >= :start and c.stopped_at < :end and c.state <> 'CANCELLED'
                        group by c.priority, c.metric, c.target_seconds
                        order by c.priority, c.metric, c.target_seconds""")
                .param("client", client)
                .param("start", Timestamps.utc(start))
                .param("end", Timestamps.utc(end))
                .query((row, i) -> new Line(
                        row.getString("priority"),
                        row.getString("metric"),
                        row.getLong("target_seconds"),
                        row.getLong("stopped"),
                        row.getLong("met"),
                        Duration.ofSeconds(row.getLong("p50")),
                        Duration.ofSeconds(row.getLong("p90"))))
                .list();
    }

    /**
     * The same aggregate as {@link #clientAggregate}, written for the clock rows as they are since they carry
     * their ticket's client (migration V67): one range of index {@code ticket_clock_client_stopped}, no ticket
     * read.
     */
    static List<Line> clientAggregateOnClockRows(JdbcClient jdbc, UUID client, Instant start, Instant end) {
        return jdbc.sql("""
                        select c.priority, c.metric, c.target_seconds,
                               count(*) as stopped,
                               count(*) filter (where c.state = 'MET') as met,
                               percentile_disc(0.5) within group (order by c.elapsed_seconds) as p50,
                               percentile_disc(0.9) within group (order by c.elapsed_seconds) as p90
                        from ticket_clock c
                        where c.client_id = :client
                          and c.stopped_at >= :start and c.stopped_at < :end and c.state <> 'CANCELLED'
                        group by c.priority, c.metric, c.target_seconds
                        order by c.priority, c.metric, c.target_seconds""")
                .param("client", client)
                .param("start", Timestamps.utc(start))
                .param("end", Timestamps.utc(end))
                .query((row, i) -> new Line(
                        row.getString("priority"),
                        row.getString("metric"),
                        row.getLong("target_seconds"),
                        row.getLong("stopped"),
                        row.getLong("met"),
                        Duration.ofSeconds(row.getLong("p50")),
                        Duration.ofSeconds(row.getLong("p90"))))
                .list();
    }

    private static void check(String slug, ComplianceReport report, List<Line> sql) {
        List<Line> fromReport = new ArrayList<>();
        long clocks = 0;
        for (ClockLine line : report.clocks()) {
            if (line.stopped() == 0) {
                continue;
            }
            clocks += line.stopped();
            fromReport.add(new Line(
                    line.priority(),
                    line.metric(),
                    line.target().getSeconds(),
                    line.stopped(),
                    line.met(),
                    line.median(),
                    line.p90()));
            Line same = sql.stream()
                    .filter(l -> l.priority().equals(line.priority())
                            && l.metric().equals(line.metric())
                            && l.target() == line.target().getSeconds())
                    .findFirst()
                    .orElse(null);
            if (same == null || same.metPercent().compareTo(line.metPercent()) != 0) {
                throw new IllegalStateException(slug + ": met % differs for " + line + " / " + same);
            }
        }
        if (!fromReport.equals(sql)) {
            throw new IllegalStateException(slug + ": report " + fromReport + " but SQL " + sql);
        }
        System.out.printf(
                "%s: report and SQL agree on %d lines (%d clocks stopped), e.g. %s met %s%%, median %s, p90 %s%n",
                slug,
                sql.size(),
                clocks,
                sql.get(0).priority() + " " + sql.get(0).metric(),
                sql.get(0).metPercent(),
                sql.get(0).p50(),
                sql.get(0).p90());
    }

    /** Per client and metric, over the period and the one before in the client's zone. */
    record Tally(UUID client, String metric, long stopped, long met, long previousStopped, long previousMet) {}

    /**
     * The hand-written aggregate of the overview: for every client, in its own zone, the clocks of each
     * metric that stopped in the period and the one before, and how many were met; one query.
     */
    static List<Tally> overviewAggregate(JdbcClient jdbc, ReportPeriod period) {
        return overviewAggregate(jdbc, period, false);
    }

    private static List<Tally> overviewAggregate(JdbcClient jdbc, ReportPeriod period, boolean clockRowsAlone) {
        List<String> zones =
                jdbc.sql("select distinct zone from client").query(String.class).list();
        StringBuilder bounds = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        ReportPeriod previous = period.previous();
        for (int i = 0; i < zones.size(); i++) {
            ZoneId zone = ZoneId.of(zones.get(i));
            bounds.append(i == 0 ? "" : ", ")
                    .append(("(:z%1$d, cast(:ps%1$d as timestamp with time zone), cast(:s%1$d as timestamp with time zone),"
                                    + " cast(:e%1$d as timestamp with time zone))")
                            .formatted(i));
            parameters.put("z" + i, zones.get(i));
            parameters.put("ps" + i, Timestamps.utc(previous.start(zone)));
            parameters.put("s" + i, Timestamps.utc(period.start(zone)));
            parameters.put("e" + i, Timestamps.utc(period.end(zone)));
        }
        return jdbc.sql("""
                        with bounds(zone, previous_start, start_at, end_at) as (values %1$s)
                        select %2$s.client_id, c.metric,
                               count(*) filter (where c.stopped_at >= b.start_at) as stopped,
                               count(*) filter (where c.stopped_at >= b.start_at and c.state = 'MET') as met,
                               count(*) filter (where c.stopped_at < b.start_at) as previous_stopped,
                               count(*) filter (where c.stopped_at < b.start_at and c.state = 'MET') as previous_met
                        from client k join bounds b on b.zone = k.zone
                        %3$s
                        where c.stopped_at >= b.previous_start and c.stopped_at < b.end_at
                          and c.state <> 'CANCELLED'
                        group by %2$s.client_id, c.metric""".formatted(
                                bounds,
                                clockRowsAlone ? "c" : "t",
                                clockRowsAlone
                                        ? "join ticket_clock c on c.client_id = k.id"
                                        : "join ticket t on t.client_id = k.id join ticket_clock c on c.ticket_id = t.id"))
                .params(parameters)
                .query((row, i) -> new Tally(
                        row.getObject("client_id", UUID.class),
                        row.getString("metric"),
                        row.getLong("stopped"),
                        row.getLong("met"),
                        row.getLong("previous_stopped"),
                        row.getLong("previous_met")))
                .list();
    }

    /** The same aggregate as {@link #overviewAggregate}, on the clock rows alone (their client since V67). */
    static List<Tally> overviewAggregateOnClockRows(JdbcClient jdbc, ReportPeriod period) {
        return overviewAggregate(jdbc, period, true);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
    }

    private static void check(Overview overview, List<Tally> sql) {
        Map<String, Tally> byKey = new HashMap<>();
        sql.forEach(t -> byKey.put(t.client() + "/" + t.metric(), t));
        int compared = 0;
        for (Overview.ClientLine line : overview.clients()) {
            Tally response = byKey.get(line.client() + "/FIRST_RESPONSE");
            Tally resolution = byKey.get(line.client() + "/RESOLUTION");
            long responseStopped = response == null ? 0 : response.stopped();
            long resolutionStopped = resolution == null ? 0 : resolution.stopped();
            BigDecimal responseMet = response == null ? null : percent(response.met(), response.stopped());
            BigDecimal resolutionMet = resolution == null ? null : percent(resolution.met(), resolution.stopped());
            BigDecimal responseChange = response == null
                    ? null
                    : change(responseMet, percent(response.previousMet(), response.previousStopped()));
            BigDecimal resolutionChange = resolution == null
                    ? null
                    : change(resolutionMet, percent(resolution.previousMet(), resolution.previousStopped()));
            boolean same = line.firstResponseStopped() == responseStopped
                    && line.resolutionStopped() == resolutionStopped
                    && equal(line.firstResponseMetPercent(), responseMet)
                    && equal(line.resolutionMetPercent(), resolutionMet)
                    && equal(line.firstResponseMetChange(), responseChange)
                    && equal(line.resolutionMetChange(), resolutionChange);
            if (!same) {
                throw new IllegalStateException("overview " + line + " but SQL " + response + " " + resolution);
            }
            compared++;
        }
        System.out.printf(
                "overview: report and SQL agree on stopped, met %% and its change for %d clients%n", compared);
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
