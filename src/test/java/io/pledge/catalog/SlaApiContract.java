package io.pledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The stateless business-time and SLA evaluation endpoints over HTTP. Run on H2 and on PostgreSQL. */
public abstract class SlaApiContract extends DatabaseIntegrationTest {

    private static final String PARIS = CatalogApiContract.PARIS;

    @Autowired
    MutableClock clock;

    @Test
    void addsBusinessTimeOverAnInlineOrAStoredCalendar() {
        String stored = api().post("/api/v1/calendars", PARIS).json().get("id").asString();

        Response inline = api().post(
                        "/api/v1/business-time/add",
                        "{\"calendar\": %s, \"start\": \"2026-03-27T16:00:00Z\", \"duration\": \"PT4H\"}"
                                .formatted(PARIS));
        Response byId = api().post(
                        "/api/v1/business-time/add",
                        "{\"calendar\": {\"id\": \"%s\"}, \"start\": \"2026-03-27T17:00:00+01:00\", \"duration\": \"PT4H\"}"
                                .formatted(stored));

        assertThat(inline.status()).as(inline.toString()).isEqualTo(200);
        // Friday 17:00 is closing time; Monday (after the spring-forward weekend) 08:30-12:30.
        assertThat(inline.json().get("end").asString()).isEqualTo("2026-03-30T10:30:00Z");
        assertThat(byId.json().get("end").asString()).isEqualTo("2026-03-30T10:30:00Z");
    }

    @Test
    void measuresBusinessTimeBetweenTwoInstants() {
        Response forwards = api().post(
                        "/api/v1/business-time/between",
                        "{\"calendar\": %s, \"start\": \"2026-03-27T16:00:00+01:00\", \"end\": \"2026-03-30T09:30:00+02:00\"}"
                                .formatted(PARIS));
        Response backwards = api().post(
                        "/api/v1/business-time/between",
                        "{\"calendar\": {\"zone\": \"UTC\", \"hours\": \"24x7\"}, \"start\": \"2026-03-27T16:00:00Z\", \"end\": \"2026-03-27T09:30:00Z\"}");

        assertThat(forwards.json().toString()).isEqualTo("{\"duration\":\"PT2H\",\"seconds\":7200}");
        assertThat(backwards.json().toString()).isEqualTo("{\"duration\":\"PT-6H-30M\",\"seconds\":-23400}");
    }

    @Test
    void invalidBusinessTimeRequestsNameTheField() {
        Response invalid = api().post(
                        "/api/v1/business-time/add",
                        "{\"calendar\": {\"zone\": \"Europe/Pari\", \"hours\": \"24x7\"}, \"start\": \"27/03/2026\", \"duration\": \"4h\"}");
        Response unknown = api().post(
                        "/api/v1/business-time/between",
                        "{\"calendar\": {\"id\": \"7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001\"}, \"start\": \"2026-03-27T16:00:00Z\", \"end\": \"2026-03-28T16:00:00Z\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("calendar.zone", "start", "duration");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("calendar.id");
    }

    @Test
    void answersTheDeadlineOfABusinessDayTarget() {
        Response friday = api().post("/api/v1/business-time/deadline", """
                        {"calendar": %s, "start": "2026-03-27T19:30:00+01:00",
                         "businessDays": {"kind": "NEXT_BUSINESS_DAY", "by": "17:00"}}""".formatted(PARIS));
        Response beforeOpening = api().post("/api/v1/business-time/deadline", """
                        {"calendar": %s, "start": "2026-03-30T07:00:00+02:00",
                         "businessDays": {"kind": "BUSINESS_DAYS", "days": 1, "ending": "TIME_OF_DAY"}}""".formatted(PARIS));

        assertThat(friday.status()).as(friday.toString()).isEqualTo(200);
        // Friday evening counts from Monday's opening: due on Tuesday at 17:00, after the DST change.
        assertThat(friday.json().get("deadline").asString()).isEqualTo("2026-03-31T15:00:00Z");
        assertThat(friday.json().get("budget").asString()).isEqualTo("PT17H");
        assertThat(friday.json().get("budgetSeconds").asLong()).isEqualTo(17 * 3600);
        assertThat(friday.json().get("words").asString()).isEqualTo("next business day by 17:00");
        // Tuesday 08:30 is the stated deadline; its budget is used up at Monday's close.
        assertThat(beforeOpening.json().get("stated").asString()).isEqualTo("2026-03-31T06:30:00Z");
        assertThat(beforeOpening.json().get("deadline").asString()).isEqualTo("2026-03-30T16:00:00Z");
    }

    @Test
    void badBusinessDayShapesNameTheField() {
        Response lateHour = deadline("{\"kind\": \"NEXT_BUSINESS_DAY\", \"by\": \"25:00\"}");
        Response noDays = deadline("{\"kind\": \"BUSINESS_DAYS\", \"days\": 0, \"ending\": \"CLOSE\"}");
        Response unknownKind = deadline("{\"kind\": \"NEXT_WEEK\"}");
        Response inPolicy = api().post("/api/v1/sla/evaluate", """
                {"policy": {"targets": [
                   {"priority": "P1", "metric": "RESOLUTION", "businessDays": {"kind": "NEXT_BUSINESS_DAY", "by": "25:00"}},
                   {"priority": "P2", "metric": "RESOLUTION", "target": "PT4H",
                    "businessDays": {"kind": "END_OF_BUSINESS_DAY"}},
                   {"priority": "P3", "metric": "RESOLUTION", "businessDays": {"kind": "BUSINESS_DAYS", "days": 0, "ending": "CLOSE"}}]},
                 "ticket": {"events": [{"type": "CREATED", "at": "2026-03-30T09:00:00+02:00", "priority": "P1"}]}}""");
        Response inTier = api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                   {"priority": "P1", "metric": "RESOLUTION", "businessDays": {"kind": "SOON"}}]}}""".formatted(unique("Bronze")));

        assertThat(lateHour.status()).isEqualTo(400);
        assertThat(fields(lateHour)).containsExactly("businessDays.by");
        assertThat(fields(noDays)).containsExactly("businessDays.days");
        assertThat(fields(unknownKind)).containsExactly("businessDays.kind");
        assertThat(inPolicy.status()).isEqualTo(400);
        assertThat(fields(inPolicy))
                .containsExactlyInAnyOrder(
                        "policy.targets[0].businessDays.by",
                        "policy.targets[1].businessDays",
                        "policy.targets[2].businessDays.days");
        assertThat(inTier.status()).isEqualTo(400);
        assertThat(fields(inTier)).containsExactly("policy.targets[0].businessDays.kind");
    }

    @Test
    void evaluatesAndStoresABusinessDayTarget() {
        Response evaluated = api().post("/api/v1/sla/evaluate", """
                {"policy": {"targets": [
                   {"priority": "P3", "metric": "RESOLUTION", "businessDays": {"kind": "NEXT_BUSINESS_DAY", "by": "17:00"}}],
                  "warnBefore": ["PT1H"]},
                 "calendar": %s,
                 "ticket": {"events": [
                   {"type": "CREATED", "at": "2026-03-31T10:00:00+02:00", "priority": "P3"},
                   {"type": "STATUS_CHANGED", "at": "2026-03-31T15:00:00+02:00", "status": "WAITING_ON_CUSTOMER"},
                   {"type": "STATUS_CHANGED", "at": "2026-04-01T10:00:00+02:00", "status": "IN_PROGRESS"}]},
                 "at": "2026-04-01T11:00:00+02:00"}""".formatted(PARIS));
        String tier = api().post("/api/v1/tiers", """
                        {"name": "%s", "policy": {"targets": [{"priority": "P3", "metric": "RESOLUTION",
                          "businessDays": {"kind": "BUSINESS_DAYS", "days": 3, "ending": "CLOSE"}}]}}""".formatted(unique("Silver")))
                .json()
                .get("id")
                .asString();
        JsonNode stored = api().get("/api/v1/tiers/" + tier + "/policies/1").json();

        assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
        JsonNode resolution = clock(evaluated, "RESOLUTION");
        // Tuesday 10:00-18:00 and Wednesday 08:30-17:00; the pause pushes the due instant to Thursday noon.
        assertThat(resolution.get("target").asString()).isEqualTo("PT16H30M");
        assertThat(resolution.get("businessDays").asString()).isEqualTo("next business day by 17:00");
        assertThat(resolution.get("dueAt").asString()).isEqualTo("2026-04-02T10:00:00Z");
        assertThat(stored.toString())
                .contains("\"businessDays\":{\"kind\":\"BUSINESS_DAYS\",\"days\":3,\"ending\":\"CLOSE\"}");
    }

    private Response deadline(String businessDays) {
        return api().post(
                        "/api/v1/business-time/deadline",
                        "{\"calendar\": %s, \"start\": \"2026-03-30T09:00:00Z\", \"businessDays\": %s}"
                                .formatted(PARIS, businessDays));
    }

    @Test
    void evaluatesATicketTimelineAgainstAnInlinePolicy() {
        Response response = api().post("/api/v1/sla/evaluate", """
                {"policy": {"targets": [{"priority": "P2", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                                        {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"}]},
                 "calendar": %s,
                 "ticket": {"events": [
                   {"type": "CREATED", "at": "2026-03-30T09:00:00+02:00", "priority": "P2"},
                   {"type": "REPLIED", "at": "2026-03-30T09:10:00+02:00", "author": "CUSTOMER", "public": true},
                   {"type": "REPLIED", "at": "2026-03-30T09:40:00+02:00", "author": "AGENT", "public": true},
                   {"type": "STATUS_CHANGED", "at": "2026-03-30T10:00:00+02:00", "status": "WAITING_ON_VENDOR"},
                   {"type": "STATUS_CHANGED", "at": "2026-03-30T12:00:00+02:00", "status": "IN_PROGRESS"}]},
                 "at": "2026-03-30T14:00:00+02:00"}""".formatted(PARIS));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode firstResponse = clock(response, "FIRST_RESPONSE");
        assertThat(firstResponse.get("state").asString()).isEqualTo("MET");
        assertThat(firstResponse.get("elapsed").asString()).isEqualTo("PT40M");
        assertThat(firstResponse.get("stoppedAt").asString()).isEqualTo("2026-03-30T07:40:00Z");
        JsonNode resolution = clock(response, "RESOLUTION");
        assertThat(resolution.get("state").asString()).isEqualTo("RUNNING");
        // 09:00-10:00 and 12:00-12:30, 13:30-14:00: two hours; paused two hours on the vendor.
        assertThat(resolution.get("elapsed").asString()).isEqualTo("PT2H");
        assertThat(resolution.get("remaining").asString()).isEqualTo("PT6H");
        assertThat(resolution.get("paused").get("WAITING_ON_VENDOR").asString()).isEqualTo("PT2H");
        assertThat(resolution.get("dueAt").asString()).isEqualTo("2026-03-31T08:30:00Z");
        assertThat(resolution.get("nextDueAt").asString()).isEqualTo("2026-03-30T16:00:00Z");
        assertThat(resolution.has("breachedAt")).isTrue();
        assertThat(resolution.get("breachedAt").isNull()).isTrue();
        assertThat(resolution.get("thresholds").get(0).get("ratio").decimalValue())
                .isEqualByComparingTo("0.75");
        assertThat(resolution.get("cycle").asInt()).isEqualTo(1);
        assertThat(kinds(resolution)).containsExactly("STARTED", "PAUSED", "RESUMED");
    }

    @Test
    void aTiersPolicyIsTheVersionInForceAtCreation() {
        Instant first = clock.instant();
        String tier = api().post("/api/v1/tiers", """
                        {"name": "%s", "policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT8H"}]}}""".formatted(unique("Gold")))
                .json()
                .get("id")
                .asString();
        clock.advance(Duration.ofHours(1));
        api().post(
                        "/api/v1/tiers/" + tier + "/policies",
                        "{\"targets\": [{\"priority\": \"P1\", \"metric\": \"RESOLUTION\", \"target\": \"PT2H\"}]}");
        Instant second = clock.instant();

        assertThat(resolutionTarget(tier, first.plus(Duration.ofMinutes(30)))).isEqualTo("PT8H");
        assertThat(resolutionTarget(tier, second.plus(Duration.ofMinutes(30)))).isEqualTo("PT2H");
        Response unknown = evaluate("{\"tierId\": \"7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001\"}", second);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("policy.tierId");
    }

    @Test
    void invalidTimelinesNameTheOffendingEvent() {
        Response response = api().post("/api/v1/sla/evaluate", """
                {"policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}]},
                 "ticket": {"events": [
                   {"type": "CREATED", "at": "2026-03-30T09:00:00Z", "priority": "P1"},
                   {"type": "ESCALATED", "at": "2026-03-30T10:00:00Z"},
                   {"type": "STATUS_CHANGED", "at": "2026-03-30T10:00:00Z", "status": "ON_HOLD"},
                   {"type": "NOTE", "at": "2026-03-30 11:00"},
                   {"type": "PRIORITY_CHANGED", "at": "2026-03-30T11:00:00Z", "priority": "P0"},
                   {"type": "REPLIED", "at": "2026-03-30T11:00:00Z"}]}}""");
        Response beforeCreation = api().post("/api/v1/sla/evaluate", """
                {"policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "4 hours"}]},
                 "ticket": {"events": [
                   {"type": "CREATED", "at": "2026-03-30T09:00:00Z", "priority": "P1"},
                   {"type": "RESOLVED", "at": "2026-03-30T08:00:00Z"}]},
                 "at": "2026-03-30T07:00:00Z"}""");
        Response noCreation = api().post("/api/v1/sla/evaluate", """
                {"policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}]},
                 "ticket": {"events": [{"type": "RESOLVED", "at": "2026-03-30T08:00:00Z"}]}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response))
                .containsExactlyInAnyOrder(
                        "ticket.events[1].type",
                        "ticket.events[2].status",
                        "ticket.events[3].at",
                        "ticket.events[4].priority",
                        "ticket.events[5].author");
        assertThat(fields(beforeCreation)).containsExactlyInAnyOrder("ticket.events[1].at", "policy.targets[0].target");
        assertThat(fields(noCreation)).containsExactly("ticket.events");
    }

    @Test
    void aLeadBeforeDueIsNamedOnEveryClockView() {
        Response evaluated = api().post("/api/v1/sla/evaluate", """
                {"policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                            "thresholds": [0.75], "warnBefore": ["PT30M"]},
                 "ticket": {"events": [{"type": "CREATED", "at": "2026-03-30T09:00:00Z", "priority": "P1"}]},
                 "at": "2026-03-30T10:00:00Z"}""");
        assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
        assertLeadAndRatio(clock(evaluated, "RESOLUTION"), "2026-03-30T12:00:00Z", "2026-03-30T12:30:00Z");

        TestCatalog catalog = TestCatalog.create(api(), "\"thresholds\": [0.75], \"warnBefore\": [\"PT30M\"]");
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        Response ticket = api().post(
                        "/api/v1/tickets",
                        "{\"client\": \"%s\", \"priority\": \"P1\", \"subject\": \"Lead\"}".formatted(catalog.slug()));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        String id = ticket.json().get("id").asString();
        // P1 resolution is 4 h on a 24x7 calendar: 75 % at 3 h, 30 minutes before due at 3 h 30 min.
        String atRatio = opened.plus(Duration.ofHours(3)).toString();
        String atLead = opened.plus(Duration.ofMinutes(210)).toString();
        assertLeadAndRatio(clock(ticket, "RESOLUTION"), atRatio, atLead);
        assertLeadAndRatio(clock(api().get("/api/v1/tickets/" + id), "RESOLUTION"), atRatio, atLead);
        assertLeadAndRatio(clock(api().get("/api/v1/tickets/" + id + "/sla"), "RESOLUTION"), atRatio, atLead);
    }

    /** A 0.75 threshold, a PT30M lead and the breach, each named by exactly one of ratio and beforeDue. */
    private static void assertLeadAndRatio(JsonNode clock, String atRatio, String atLead) {
        JsonNode ratio = null;
        JsonNode lead = null;
        for (JsonNode threshold : clock.get("thresholds")) {
            assertThat(threshold.has("ratio") && threshold.has("beforeDue"))
                    .as(threshold.toString())
                    .isTrue();
            assertThat(threshold.get("ratio").isNull())
                    .as(threshold.toString())
                    .isNotEqualTo(threshold.get("beforeDue").isNull());
            if (!threshold.get("beforeDue").isNull()) {
                lead = threshold;
            } else if (threshold.get("ratio").decimalValue().compareTo(new java.math.BigDecimal("0.75")) == 0) {
                ratio = threshold;
            }
        }
        assertThat(lead).as(clock.toString()).isNotNull();
        assertThat(lead.get("beforeDue").asString()).isEqualTo("PT30M");
        assertThat(lead.get("at").asString()).isEqualTo(atLead);
        assertThat(ratio).as(clock.toString()).isNotNull();
        assertThat(ratio.get("at").asString()).isEqualTo(atRatio);
    }

    private String resolutionTarget(String tier, Instant created) {
        Response response = evaluate("{\"tierId\": \"" + tier + "\"}", created);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return clock(response, "RESOLUTION").get("target").asString();
    }

    private Response evaluate(String policy, Instant created) {
        return api().post("/api/v1/sla/evaluate", """
                {"policy": %s, "ticket": {"events": [{"type": "CREATED", "at": "%s", "priority": "P1"}]},
                 "at": "%s"}""".formatted(policy, created, created.plus(Duration.ofHours(1))));
    }

    private static JsonNode clock(Response response, String metric) {
        for (JsonNode clock : response.json().get("clocks")) {
            if (clock.get("metric").asString().equals(metric)) {
                return clock;
            }
        }
        throw new AssertionError("no " + metric + " clock in " + response);
    }

    private static List<String> kinds(JsonNode clock) {
        List<String> kinds = new ArrayList<>();
        clock.get("timeline").forEach(entry -> kinds.add(entry.get("kind").asString()));
        return kinds;
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
