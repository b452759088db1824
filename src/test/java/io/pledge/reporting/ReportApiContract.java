package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Scope;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.Monitor;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The compliance report and the overview over HTTP, against figures computed by hand. The client works in
 * Europe/Paris, on a calendar open Monday to Friday 09:00–18:00 with 26 October 2026 a holiday; October 2026
 * there is 745 hours long (summer time ends on the 25th). Targets: P1 first response 1 h, resolution 4 h;
 * P2 4 h and 16 h. Run on H2 and PostgreSQL.
 *
 * <p>The tickets (instants in UTC; Paris is UTC+2 until 25 October, UTC+1 after):
 *
 * <ul>
 *   <li>T1 (DST and holiday), P2, Fri 23 Oct 17:00 local; reply Tue 27 09:30 local, resolved 14:00 local:
 *       first response 1 h (Fri) + 30 min (Tue) = 1 h 30, resolution 1 h + 5 h = 6 h;
 *   <li>T2 (both pauses), P2, Mon 5 Oct 09:00; reply 09:30; waiting on customer 10:00–12:00, on vendor
 *       13:00–16:00; resolved 17:00: 30 min and 3 h, paused 2 h and 3 h;
 *   <li>T3 (reopened), P2, Tue 6 Oct 09:00; reply 10:00; resolved 11:00; reopened Wed 09:00, resolved 12:00:
 *       1 h and 2 h + 3 h = 5 h, counted once;
 *   <li>T4 (retroactive priority change), P2, Thu 8 Oct 09:00; reply 09:20 (first response met under P2);
 *       P1 at 14:00 local: 5 h already counted against 4 h, breached at 13:00 local; resolved 16:00: 7 h,
 *       overshoot 3 h;
 *   <li>T5 (open at the end), P1, Fri 30 Oct 09:00 local; reply 09:30; never resolved: resolution breached at
 *       13:00 local, still open on 31 October;
 *   <li>T6, P1, Wed 14 Oct 09:00; reply 10:30: first response breached by 30 min; resolved 11:00: 2 h;
 *   <li>T7, a printer: outside the contract's scope;
 *   <li>T8 (September), P2, Tue 15 Sep 09:00; reply 14:00 (5 h: breached by 1 h); resolved 16:00: 7 h.
 * </ul>
 *
 * <p>The monitor (external): down 5 min on 1 September (first report: watched from then), down 30 Sep
 * 22:30–23:30 UTC across the period's start, with a retroactive maintenance window 21:00–23:00 UTC, and down
 * 25 Oct 00:30–01:30 UTC across the DST change.
 */
public abstract class ReportApiContract extends DatabaseIntegrationTest {

    String slug;
    String tier;
    String monitor;
    String monitorSecret;

    @Autowired
    MutableClock clock;

    @Autowired
    AvailabilityQueries availability;

    @Autowired
    MonitorCatalog monitorCatalog;

    @Autowired
    ComplianceReports reports;

    @Autowired
    JdbcClient jdbc;

    final List<String> tickets = new ArrayList<>();

    @BeforeEach
    void parisClientWithAMonthOfTickets() {
        String calendar = created(api().post("/api/v1/calendars", """
                {"name": "%s", "zone": "Europe/Paris",
                 "hours": {"mon": [["09:00","18:00"]], "tue": [["09:00","18:00"]], "wed": [["09:00","18:00"]],
                           "thu": [["09:00","18:00"]], "fri": [["09:00","18:00"]]},
                 "holidays": ["2026-10-26"]}""".formatted(unique("Paris office"))));
        tier = created(api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                  {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                  {"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT4H"},
                  {"priority": "P2", "metric": "RESOLUTION", "target": "PT16H"}],
                 "credits": [{"availabilityBelow": 99.9, "creditPercent": 10},
                             {"availabilityBelow": 99, "creditPercent": 25}],
                 "ticketCredits": [{"metric": "RESOLUTION", "priority": "P1", "metBelow": 95, "creditPercent": 5}],
                 "creditCapPercent": 30}}""".formatted(unique("Gold"))));
        slug = unique("paris");
        String client = created(api().post("/api/v1/clients", """
                {"name": "Paris Docks", "slug": "%s", "zone": "Europe/Paris"}""".formatted(slug)));
        created(api().post("/api/v1/clients/" + client + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2026-01-01", "services": ["ERP", "Network"],
                 "monthlyFee": 1000, "currency": "EUR"}""".formatted(tier, calendar)));

        ticket("P2", "ERP", "2026-10-23T15:00:00Z", reply("2026-10-27T08:30:00Z"), resolved("2026-10-27T13:00:00Z"));
        ticket(
                "P2",
                "ERP",
                "2026-10-05T07:00:00Z",
                reply("2026-10-05T07:30:00Z"),
                status("WAITING_ON_CUSTOMER", "2026-10-05T08:00:00Z"),
                status("IN_PROGRESS", "2026-10-05T10:00:00Z"),
                status("WAITING_ON_VENDOR", "2026-10-05T11:00:00Z"),
                status("IN_PROGRESS", "2026-10-05T14:00:00Z"),
                resolved("2026-10-05T15:00:00Z"));
        ticket(
                "P2",
                "Network",
                "2026-10-06T07:00:00Z",
                reply("2026-10-06T08:00:00Z"),
                resolved("2026-10-06T09:00:00Z"),
                "{\"type\": \"REOPENED\", \"at\": \"2026-10-07T07:00:00Z\"}",
                resolved("2026-10-07T10:00:00Z"));
        ticket(
                "P2",
                "ERP",
                "2026-10-08T07:00:00Z",
                reply("2026-10-08T07:20:00Z"),
                "{\"type\": \"PRIORITY_CHANGED\", \"priority\": \"P1\", \"at\": \"2026-10-08T12:00:00Z\"}",
                resolved("2026-10-08T14:00:00Z"));
        ticket("P1", "ERP", "2026-10-30T08:00:00Z", reply("2026-10-30T08:30:00Z"));
        ticket("P1", "ERP", "2026-10-14T07:00:00Z", reply("2026-10-14T08:30:00Z"), resolved("2026-10-14T09:00:00Z"));
        ticket("P2", "Printers", "2026-10-12T08:00:00Z");
        ticket("P2", "ERP", "2026-09-15T07:00:00Z", reply("2026-09-15T12:00:00Z"), resolved("2026-09-15T14:00:00Z"));

        JsonNode created = api().post("/api/v1/monitors", """
                        {"client": "%s", "name": "ERP", "kind": "EXTERNAL", "target": 99.9}""".formatted(slug)).json();
        monitor = created.get("id").asString();
        monitorSecret = created.get("secret").asString();
        Api tool = Api.at(port).withToken(created.get("secret").asString());
        for (String[] incident : new String[][] {
            {"sep", "2026-09-01T00:00:00Z", "2026-09-01T00:05:00Z"},
            {"edge", "2026-09-30T22:30:00Z", "2026-09-30T23:30:00Z"},
            {"dst", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"}
        }) {
            for (int i = 1; i <= 2; i++) {
                Response sent = tool.post(
                        "/api/v1/ingest/monitor-events",
                        "{\"status\": \"%s\", \"key\": \"%s\", \"at\": \"%s\"}"
                                .formatted(i == 1 ? "DOWN" : "UP", incident[0], incident[i]));
                assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            }
        }
        created(api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "monitorId": "%s", "name": "Firewall swap", "startsAt": "2026-09-30T21:00:00Z",
                 "endsAt": "2026-09-30T23:00:00Z", "retroactive": true, "reason": "agreed with the client"}""".formatted(slug, monitor)));
    }

    @Test
    void octoberInParisIsCountedByHand() {
        Response response = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();

        JsonNode period = report.get("period");
        assertThat(period.get("start").asString()).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(period.get("end").asString()).isEqualTo("2026-10-31T23:00:00Z");
        assertThat(period.get("previousLabel").asString()).isEqualTo("2026-09");

        JsonNode clocks = report.get("clocks");
        assertThat(clocks).hasSize(4);
        assertClockLine(clocks.get(0), "P1", "FIRST_RESPONSE", "PT1H", 2, 1, "50.00", "PT30M", "PT1H30M", 0);
        assertClockLine(clocks.get(1), "P1", "RESOLUTION", "PT4H", 2, 1, "50.00", "PT2H", "PT7H", 1);
        assertClockLine(clocks.get(2), "P2", "FIRST_RESPONSE", "PT4H", 4, 4, "100.00", "PT30M", "PT1H30M", 0);
        assertClockLine(clocks.get(3), "P2", "RESOLUTION", "PT16H", 3, 3, "100.00", "PT5H", "PT6H", 0);

        JsonNode breaches = report.get("breaches");
        assertThat(breaches).hasSize(2);
        // The retroactive priority change: breached at 13:00 local, before the change at 14:00.
        assertThat(breaches.get(0).get("ticket").asString()).isEqualTo(tickets.get(3));
        assertThat(breaches.get(0).get("metric").asString()).isEqualTo("RESOLUTION");
        assertThat(breaches.get(0).get("priority").asString()).isEqualTo("P1");
        assertThat(breaches.get(0).get("elapsed").asString()).isEqualTo("PT7H");
        assertThat(breaches.get(0).get("overshoot").asString()).isEqualTo("PT3H");
        assertThat(breaches.get(0).get("breachedAt").asString()).isEqualTo("2026-10-08T11:00:00Z");
        assertThat(breaches.get(0).get("timeline").asString()).isEqualTo("/api/v1/tickets/" + tickets.get(3) + "/sla");
        assertThat(breaches.get(1).get("ticket").asString()).isEqualTo(tickets.get(5));
        assertThat(breaches.get(1).get("metric").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(breaches.get(1).get("overshoot").asString()).isEqualTo("PT30M");
        assertThat(breaches.get(1).get("breachedAt").asString()).isEqualTo("2026-10-14T08:00:00Z");
        assertThat(api().get(breaches.get(0).get("timeline").asString()).status())
                .isEqualTo(200);

        JsonNode open = report.get("openBreaches");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("ticket").asString()).isEqualTo(tickets.get(4));
        assertThat(open.get(0).get("metric").asString()).isEqualTo("RESOLUTION");
        assertThat(open.get(0).get("breachedAt").asString()).isEqualTo("2026-10-30T12:00:00Z");

        JsonNode paused = report.get("paused");
        assertThat(paused).hasSize(2);
        assertThat(paused.get(0).get("reason").asString()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(paused.get(0).get("priority").asString()).isEqualTo("P2");
        assertThat(paused.get(0).get("metric").asString()).isEqualTo("RESOLUTION");
        assertThat(paused.get(0).get("time").asString()).isEqualTo("PT2H");
        assertThat(paused.get(1).get("reason").asString()).isEqualTo("WAITING_ON_VENDOR");
        assertThat(paused.get(1).get("time").asString()).isEqualTo("PT3H");

        JsonNode outOfScope = report.get("outOfScope");
        assertThat(outOfScope).hasSize(1);
        assertThat(outOfScope.get(0).get("ticket").asString()).isEqualTo(tickets.get(6));
        assertThat(outOfScope.get(0).get("reason").asString()).contains("Printers");
    }

    @Test
    void theMonitorCountsMaintenanceAcrossThePeriodsStartAndTheDstChange() {
        JsonNode report = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10")
                .json();

        JsonNode erp = report.get("monitors").get(0);
        assertThat(erp.get("monitor").asString()).isEqualTo(monitor);
        // 745 h watched; 1 h of it maintenance; down 30 min outside maintenance at the start, 1 h on the 25th.
        assertThat(erp.get("covered").asString()).isEqualTo("PT745H");
        assertThat(erp.get("maintenance").asString()).isEqualTo("PT1H");
        assertThat(erp.get("downtime").asString()).isEqualTo("PT1H30M");
        // (744 h − 1.5 h) ÷ 744 h
        assertThat(erp.get("availability").decimalValue()).isEqualByComparingTo("99.798387");
        assertThat(erp.get("meetsTarget").asBoolean()).isFalse();
        // 0.1 % of 744 h = 44 min 38.4 s; 90 min is 201.61 % of it.
        assertThat(erp.get("errorBudget").asString()).isEqualTo("PT44M38.4S");
        assertThat(erp.get("budgetUsedPercent").decimalValue()).isEqualByComparingTo("201.61");
        assertThat(erp.get("incidents").asInt()).isEqualTo(2);
        assertThat(erp.get("meanTimeToRecovery").asString()).isEqualTo("PT1H");
        JsonNode retroactive = erp.get("retroactiveMaintenance");
        assertThat(retroactive).hasSize(1);
        assertThat(retroactive.get(0).get("reason").asString()).isEqualTo("agreed with the client");
    }

    /**
     * The QBR pack's daily uptime bars read the monitor's records once for the whole period: each day's
     * figure is still exactly the availability uptime() states for that day alone, before the monitor was
     * watched (null), across the period's edge with its retroactive maintenance, and on the 25-hour day of
     * the DST change.
     */
    @Test
    void theDailyAvailabilitiesOfAPeriodAreEachDaysOwnUptime() {
        Monitor erp = monitorCatalog.list(slug, Scope.everything()).get(0);
        ZoneId paris = ZoneId.of("Europe/Paris");
        List<Instant> bounds = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 8, 30);
                !day.isAfter(LocalDate.of(2026, 11, 1));
                day = day.plusDays(1)) {
            bounds.add(day.atStartOfDay(paris).toInstant());
        }

        List<BigDecimal> daily = availability.availabilities(erp, bounds);

        assertThat(daily).hasSize(bounds.size() - 1);
        int below = 0;
        for (int i = 0; i < daily.size(); i++) {
            BigDecimal alone =
                    availability.uptime(erp, bounds.get(i), bounds.get(i + 1)).availability();
            if (alone == null) {
                assertThat(daily.get(i)).as("day %s", bounds.get(i)).isNull();
            } else {
                assertThat(daily.get(i)).as("day %s", bounds.get(i)).isEqualByComparingTo(alone);
                below += alone.compareTo(BigDecimal.valueOf(100)) < 0 ? 1 : 0;
            }
        }
        assertThat(daily.get(0)).as("not watched before 1 September").isNull();
        // 1 September, 1 October in Paris (the half hour down after the maintenance window) and 25 October.
        assertThat(below).isEqualTo(3);
    }

    /**
     * The QBR pack of a quarter charts met % per month from one read of the quarter's clock rows: each
     * month's lines are those of the month's own report (the lines of clocks that stopped in it).
     */
    @Test
    void aQuartersMonthlyClockLinesAreThoseOfEachMonthsReport() {
        int compared = 0;
        for (String quarter : List.of("2026-Q3", "2026-Q4")) {
            Map<YearMonth, List<ComplianceReport.ClockLine>> monthly =
                    reports.monthlyClockLines(slug, ReportPeriod.parse(quarter, null, null), Scope.everything());
            assertThat(monthly).hasSize(3);
            for (Map.Entry<YearMonth, List<ComplianceReport.ClockLine>> month : monthly.entrySet()) {
                List<ComplianceReport.ClockLine> own =
                        reports.of(slug, ReportPeriod.month(month.getKey()), Scope.everything()).clocks().stream()
                                .filter(line -> line.stopped() > 0)
                                .toList();
                assertThat(month.getValue().stream()
                                .map(line -> List.of(
                                        line.priority(),
                                        line.metric(),
                                        line.target(),
                                        line.stopped(),
                                        line.met(),
                                        String.valueOf(line.metPercent()),
                                        String.valueOf(line.median()),
                                        String.valueOf(line.p90())))
                                .toList())
                        .as("%s", month.getKey())
                        .isEqualTo(own.stream()
                                .map(line -> List.of(
                                        line.priority(),
                                        line.metric(),
                                        line.target(),
                                        line.stopped(),
                                        line.met(),
                                        String.valueOf(line.metPercent()),
                                        String.valueOf(line.median()),
                                        String.valueOf(line.p90())))
                                .toList());
                compared += own.size();
            }
        }
        // September's P2 lines and October's four.
        assertThat(compared).isEqualTo(6);
    }

    @Test
    void theCreditsOwedArePricedFromTheReportsFigures() {
        JsonNode credits = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10")
                .json()
                .get("credits");

        // ERP at 99.798387 % is below 99.9 (10 % of 1,000 EUR); P1 resolution met 50 % is below 95 (5 %).
        JsonNode lines = credits.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("subject").get("monitorId").asString()).isEqualTo(monitor);
        assertThat(lines.get(0).get("figure").decimalValue()).isEqualByComparingTo("99.798387");
        assertThat(lines.get(0).get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(lines.get(0).get("evidence").toString()).contains("2026-10-25T00:30:00Z/2026-10-25T01:30:00Z");
        assertThat(lines.get(1).get("subject").get("metric").asString()).isEqualTo("RESOLUTION");
        assertThat(lines.get(1).get("figure").decimalValue()).isEqualByComparingTo("50");
        assertThat(lines.get(1).get("amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(lines.get(1).get("evidence").toString()).contains(tickets.get(3));
        assertThat(credits.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(credits.get("total").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(credits.get("capped").asBoolean()).isFalse();
    }

    @Test
    void theCurrentMonthForecastsTheCreditAtRisk() {
        Instant real = clock.instant();
        try {
            Api tool = Api.at(port).withToken(monitorSecret);
            for (String[] event : new String[][] {{"DOWN", "2026-11-10T10:00:00Z"}, {"UP", "2026-11-10T10:30:00Z"}}) {
                Response sent = tool.post(
                        "/api/v1/ingest/monitor-events",
                        "{\"status\": \"%s\", \"key\": \"nov\", \"at\": \"%s\"}".formatted(event[0], event[1]));
                assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            }
            // Sunday 15 November 2026, 13:00 in Paris: November (UTC+1 all month, 720 h) is not over yet. Set
            // after the monitor's reports: the ingest rate limit counts on this clock.
            clock.set(Instant.parse("2026-11-15T12:00:00Z"));
            // P1 opened Friday 13 November 17:30 local: 30 min of business time so far, both clocks on time.
            ticket("P1", "ERP", "2026-11-13T16:30:00Z");

            JsonNode atRisk = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-11")
                    .json()
                    .get("creditAtRisk");

            assertThat(atRisk).as("a period not over yet has a credit at risk").isNotNull();
            // ERP over the whole month: (720 h − 30 min) ÷ 720 h = 99.930556 %, above the 99.9 step. 0.1 % of
            // 720 h is 2,592 s; 1,800 s used: 792 s more lands exactly on 99.9 (not below), 793 s goes below.
            JsonNode downtime = atRisk.get("downtime");
            assertThat(downtime).hasSize(1);
            assertThat(downtime.get(0).get("availability").decimalValue()).isEqualByComparingTo("99.930556");
            assertThat(downtime.get(0).has("current")).isFalse();
            assertThat(downtime.get(0).get("next").get("below").decimalValue()).isEqualByComparingTo("99.9");
            assertThat(downtime.get(0).get("next").get("creditPercent").decimalValue())
                    .isEqualByComparingTo("10");
            assertThat(downtime.get(0).get("moreDowntime").asString()).isEqualTo("PT13M13S");
            assertThat(downtime.get(0).get("viaMonitor").asString()).isEqualTo(monitor);
            // P1 resolution: T5 still open and breached, the new ticket open on time and counted met: 1 of 2.
            JsonNode breaches = atRisk.get("breaches");
            assertThat(breaches).hasSize(1);
            assertThat(breaches.get(0).get("met").decimalValue()).isEqualByComparingTo("50");
            assertThat(breaches.get(0).get("current").get("creditPercent").decimalValue())
                    .isEqualByComparingTo("5");
            assertThat(breaches.get(0).has("next")).isFalse();
            // If nothing else goes wrong: only the resolution line, 5 % of 1,000 EUR.
            JsonNode owed = atRisk.get("ifNothingElseGoesWrong");
            assertThat(owed.get("lines")).hasSize(1);
            assertThat(owed.get("lines").get(0).get("evidence").toString()).contains(tickets.get(4));
            assertThat(owed.get("total").decimalValue()).isEqualByComparingTo("50.00");

            Response csv = api().get("/api/v1/reports/compliance/" + slug
                    + "?period=2026-11&format=csv&table=creditAtRiskDowntime");
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            assertThat(csv.body()).contains("PT13M13S");

            JsonNode closed = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10")
                    .json();
            assertThat(closed.has("credits")).isTrue();
            assertThat(closed.has("creditAtRisk"))
                    .as("a closed period has no credit at risk")
                    .isFalse();
        } finally {
            clock.set(real);
        }
    }

    @Test
    void everyHeadlineFigureComparesWithSeptember() {
        JsonNode headline = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10")
                .json()
                .get("headline");

        assertFigure(headline, "FIRST_RESPONSE.stopped", "6", "1", "5");
        assertFigure(headline, "FIRST_RESPONSE.metPercent", "83.33", "0.00", "83.33");
        assertFigure(headline, "FIRST_RESPONSE.breaches", "1", "1", "0");
        assertFigure(headline, "RESOLUTION.metPercent", "80.00", "100.00", "-20.00");
        assertFigure(headline, "RESOLUTION.openBreached", "1", "0", "1");
        assertFigure(headline, "paused.WAITING_ON_CUSTOMER", "7200", "0", "7200");
        assertFigure(headline, "paused.WAITING_ON_VENDOR", "10800", "0", "10800");
        assertFigure(headline, "outOfScope", "1", "0", "1");
        // September: watched from 1 Sep 00:00 UTC to 30 Sep 22:00 UTC (718 h), 1 h of maintenance, 5 min down.
        assertFigure(headline, "monitor.ERP.availability", "99.798387", "99.988377", "-0.189990");
        assertFigure(headline, "monitor.ERP.downtime", "5400", "300", "5100");
        assertFigure(headline, "monitor.ERP.incidents", "2", "1", "1");
    }

    @Test
    void pauseTimeIsReadFromTheClockRowsAndReplayedForRowsWrittenWithoutIt() {
        ReportPeriod october = ReportPeriod.month(YearMonth.of(2026, 10));
        ComplianceReport stored = reports.of(slug, october, Scope.everything());
        assertThat(stored.paused()).isNotEmpty();

        // Rows as written before pause time was stored: the report replays their timelines, same figures.
        String client = stored.client().id().toString();
        jdbc.sql("""
                        update ticket_clock set paused_customer_micros = null, paused_vendor_micros = null,
                                                paused_other_micros = null
                        where client_id = cast(:client as uuid)""").param("client", client).update();
        ComplianceReport replayed = reports.of(slug, october, Scope.everything());
        assertThat(replayed)
                .usingRecursiveComparison()
                .ignoringFields("generatedAt")
                .isEqualTo(stored);

        // A figure stored with a row is the one the report shows: T2's resolution clock, an hour more.
        jdbc.sql("""
                        update ticket_clock set paused_customer_micros = 10800000000, paused_vendor_micros = 10800000000,
                                                paused_other_micros = 0
                        where client_id = cast(:client as uuid) and metric = 'RESOLUTION'
                          and ticket_id = cast(:ticket as uuid)""").param("client", client).param("ticket", tickets.get(1)).update();
        ComplianceReport edited = reports.of(slug, october, Scope.everything());
        assertThat(edited.headline())
                .filteredOn(h -> h.figure().equals("paused.WAITING_ON_CUSTOMER"))
                .singleElement()
                .satisfies(h -> assertThat(h.current()).isEqualByComparingTo("10800"));
    }

    @Test
    void theReportStatesItsAccountingRules() {
        JsonNode rules = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10")
                .json()
                .get("rules");

        assertThat(rules.get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(rules.get("calendars").get(0).get("zone").asString()).isEqualTo("Europe/Paris");
        JsonNode policy = rules.get("policies").get(0);
        assertThat(policy.get("tier").asString()).isEqualTo(tier);
        assertThat(policy.get("version").asInt()).isEqualTo(1);
        assertThat(policy.get("pauseStatuses").get("RESOLUTION").toString())
                .isEqualTo("[\"WAITING_ON_CUSTOMER\",\"WAITING_ON_VENDOR\"]");
        assertThat(policy.get("priorityChangeRule").asString()).isEqualTo("RETROACTIVE");
        assertThat(rules.get("monitors").get(0).get("kind").asString()).isEqualTo("EXTERNAL");
        assertThat(rules.get("statements").toString()).contains("nearest-rank", "Availability =", "2026-09");
    }

    @Test
    void aRangeOfDaysIsComparedWithAsManyDaysBefore() {
        JsonNode report = api().get("/api/v1/reports/compliance/" + slug + "?from=2026-10-01&to=2026-10-31")
                .json();

        assertThat(report.get("period").get("start").asString()).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(report.get("period").get("previousLabel").asString()).isEqualTo("2026-08-31..2026-09-30");
        assertThat(report.get("clocks").get(1).get("stopped").asInt()).isEqualTo(2);
    }

    @Test
    void aQuarterHoldsItsMonths() {
        JsonNode report = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-Q4")
                .json();

        assertThat(report.get("period").get("previousLabel").asString()).isEqualTo("2026-Q3");
        assertFigure(report.get("headline"), "FIRST_RESPONSE.stopped", "6", "1", "5");
    }

    @Test
    void everyTableComesAsCsv() {
        Response csv = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10&format=csv&table=breaches");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "ticket,externalId,subject,priority,metric,target,elapsed,overshoot,breachedAt,stoppedAt,timeline");
        assertThat(lines).hasSize(3);
        assertThat(lines[1])
                .isEqualTo(tickets.get(3)
                        + ",,Something broke,P1,RESOLUTION,PT4H,PT7H,PT3H,2026-10-08T11:00:00Z,2026-10-08T14:00:00Z,"
                        + "/api/v1/tickets/" + tickets.get(3) + "/sla");
        for (String table : List.of(
                "headline", "clocks", "openBreaches", "paused", "outOfScope", "monitors", "credits", "policies")) {
            Response each =
                    api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10&format=csv&table=" + table);
            assertThat(each.status()).as(table).isEqualTo(200);
            assertThat(each.body().split("\r\n").length).as(table).isGreaterThan(1);
        }
        Response missing = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10&format=csv");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().findValuesAsString("field")).containsExactly("table");
    }

    @Test
    void aBadPeriodIsRefusedNamingTheParameter() {
        assertRefused("", "period");
        assertRefused("?period=2026-13", "period");
        assertRefused("?period=2026-Q5", "period");
        assertRefused("?period=october", "period");
        assertRefused("?period=2026-10&from=2026-10-01&to=2026-10-02", "period");
        assertRefused("?from=2026-10-01", "to");
        assertRefused("?from=2026-10-01&to=2026-09-30", "to");
        assertRefused("?from=2026-10-32&to=2026-11-01", "from");
        assertRefused("?from=2020-01-01&to=2026-01-01", "to");
        assertRefused("?period=2026-10&format=pdf", "format");
        Response overview = api().get("/api/v1/reports/overview?period=2026-W40");
        assertThat(overview.status()).isEqualTo(400);
        assertThat(overview.json().findValuesAsString("field")).containsExactly("period");
    }

    @Test
    void aClientSeesItsOwnReportOnlyAndNoOverview() {
        String other = unique("other");
        created(api().post("/api/v1/clients", """
                {"name": "Other", "slug": "%s", "zone": "UTC"}""".formatted(other)));
        Api own = Api.at(port).withToken(clientToken(slug));
        Api stranger = Api.at(port).withToken(clientToken(other));

        Response mine = own.get("/api/v1/reports/compliance/" + slug + "?period=2026-10");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("clocks")).hasSize(4);
        // The breaches name their ticket's subject, a public field; an internal note's text never shows.
        assertThat(mine.json().get("breaches").get(0).get("subject").asString()).isEqualTo("Something broke");
        assertThat(mine.body()).doesNotContain("core switch");
        Response theirs = stranger.get("/api/v1/reports/compliance/" + slug + "?period=2026-10");
        Response unknown = stranger.get("/api/v1/reports/compliance/no-such-client?period=2026-10");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().get("detail").asString().replace(slug, "X"))
                .isEqualTo(unknown.json().get("detail").asString().replace("no-such-client", "X"));
        assertThat(own.get("/api/v1/reports/overview?period=2026-10").status()).isEqualTo(403);
    }

    @Test
    void theOverviewShowsWhoIsAtRisk() {
        Response response = api().get("/api/v1/reports/overview?period=2026-10");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode overview = response.json();

        JsonNode line = null;
        for (JsonNode client : overview.get("clients")) {
            if (client.get("slug").asString().equals(slug)) {
                line = client;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("firstResponseStopped").asInt()).isEqualTo(6);
        assertThat(line.get("firstResponseMetPercent").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(line.get("firstResponseMetChange").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(line.get("resolutionStopped").asInt()).isEqualTo(5);
        assertThat(line.get("resolutionMetPercent").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(line.get("resolutionMetChange").decimalValue()).isEqualByComparingTo("-20.00");
        assertThat(line.get("breaches").asInt()).isEqualTo(2);
        assertThat(line.get("breachesChange").asInt()).isEqualTo(1);
        assertThat(line.get("openBreached").asInt()).isEqualTo(1);
        assertThat(line.get("monitorsBelowTarget").asInt()).isEqualTo(1);
        assertThat(line.get("atRisk").asBoolean()).isTrue();
        assertThat(line.get("risks").toString()).contains("ERP at 99.798387 % against 99.9 %");

        JsonNode gold = null;
        for (JsonNode each : overview.get("tiers")) {
            if (each.get("tier").asString().equals(tier)) {
                gold = each;
            }
        }
        assertThat(gold).isNotNull();
        assertThat(gold.get("clients").asInt()).isEqualTo(1);
        assertThat(gold.get("resolutionMetPercent").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(gold.get("clientsAtRisk").asInt()).isEqualTo(1);
        Response csv = api().get("/api/v1/reports/overview?period=2026-10&format=csv&table=clients");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(slug);
    }

    // --- helpers ---

    private void ticket(String priority, String service, String createdAt, String... events) {
        Response opened = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "%s", "service": "%s", "subject": "Something broke", "createdAt": "%s"}""".formatted(slug, priority, service, createdAt));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        for (String event : events) {
            Response recorded = api().post("/api/v1/tickets/" + id + "/events", event);
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        }
        api().post(
                        "/api/v1/tickets/" + id + "/events",
                        "{\"type\": \"NOTE\", \"body\": \"internal: rebooted the core switch twice\"}");
        tickets.add(id);
    }

    private static String reply(String at) {
        return "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \"%s\"}".formatted(at);
    }

    private static String resolved(String at) {
        return "{\"type\": \"RESOLVED\", \"at\": \"%s\"}".formatted(at);
    }

    private static String status(String status, String at) {
        return "{\"type\": \"STATUS_CHANGED\", \"status\": \"%s\", \"at\": \"%s\"}".formatted(status, at);
    }

    private String clientToken(String client) {
        return api().post(
                        "/api/v1/tokens",
                        "{\"name\": \"portal\", \"role\": \"CLIENT\", \"client\": \"%s\"}".formatted(client))
                .json()
                .get("secret")
                .asString();
    }

    private void assertRefused(String query, String field) {
        Response response = api().get("/api/v1/reports/compliance/" + slug + query);
        assertThat(response.status()).as(query + " " + response).isEqualTo(400);
        assertThat(response.json().findValuesAsString("field")).as(query).containsExactly(field);
    }

    private static void assertClockLine(
            JsonNode line,
            String priority,
            String metric,
            String target,
            int stopped,
            int met,
            String metPercent,
            String median,
            String p90,
            int openBreached) {
        String what = priority + " " + metric + ": " + line;
        assertThat(line.get("priority").asString()).as(what).isEqualTo(priority);
        assertThat(line.get("metric").asString()).as(what).isEqualTo(metric);
        assertThat(line.get("target").asString()).as(what).isEqualTo(target);
        assertThat(line.get("stopped").asInt()).as(what).isEqualTo(stopped);
        assertThat(line.get("met").asInt()).as(what).isEqualTo(met);
        assertThat(line.get("breached").asInt()).as(what).isEqualTo(stopped - met);
        assertThat(line.get("metPercent").decimalValue()).as(what).isEqualByComparingTo(metPercent);
        assertThat(line.get("median").asString()).as(what).isEqualTo(median);
        assertThat(line.get("p90").asString()).as(what).isEqualTo(p90);
        assertThat(line.get("openBreached").asInt()).as(what).isEqualTo(openBreached);
    }

    private static void assertFigure(JsonNode headline, String figure, String current, String previous, String change) {
        for (JsonNode line : headline) {
            if (line.get("figure").asString().equals(figure)) {
                assertThat(line.get("current").decimalValue()).as(figure).isEqualByComparingTo(current);
                assertThat(line.get("previous").decimalValue()).as(figure).isEqualByComparingTo(previous);
                assertThat(line.get("change").decimalValue()).as(figure).isEqualByComparingTo(change);
                return;
            }
        }
        throw new AssertionError("no headline figure " + figure + " in " + headline);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
