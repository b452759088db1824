package io.pledge.clients.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.PageRequests;
import io.pledge.support.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * The tiers' pages over HTTP: who may read and write them (the roles of the API operations), a tier created
 * and a policy version saved from the forms with the API's violations next to the fields they name, the
 * history, and two versions compared side by side with the lines that changed marked.
 */
class TierPagesTest extends PageRequests {

    @Test
    void aManagerCreatesATierThenSavesAVersionAndComparesTheTwo() {
        String manager = createUser("MANAGER");
        String calendar = api().post("/api/v1/calendars", """
                        {"name": "%s", "zone": "Europe/Paris", "hours": {"mon": [["08:00", "18:00"]]}}""".formatted(unique("Paris office")))
                .json()
                .get("id")
                .asString();

        var list = get(manager, "/tiers");
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(html(list)).contains("id=\"new-tier\"").contains("href=\"/tiers\" aria-current=\"page\"");

        // Rejected: no name, a target that is no duration, thresholds out of order, credit steps going up, and
        // a cap that is no number; each shown next to the field it names, what was typed kept.
        var rejected = post(
                manager,
                "/tiers/new",
                "name",
                "",
                "target-P1-FIRST_RESPONSE",
                "fifteen minutes",
                "target-P1-RESOLUTION",
                "PT4H",
                "thresholds",
                "0.9 0.75",
                "credits",
                "99 10\n99.5 20",
                "reopenRule",
                "RESUME",
                "priorityChangeRule",
                "RETROACTIVE",
                "creditsPer",
                "MONITOR");
        assertThat(rejected.getStatus()).isEqualTo(422);
        String page = html(rejected);
        assertThat(errorsOf(page, "name")).isEqualTo("is required");
        assertThat(errorsOf(page, "target.P1.FIRST_RESPONSE")).contains("fifteen minutes");
        assertThat(errorsOf(page, "thresholds")).contains("greater than the previous threshold");
        assertThat(errorsOf(page, "credits"))
                .contains("credits[1].availabilityBelow: steps must go from the highest availability to the lowest");
        assertThat(tag(page, "target.P1.RESOLUTION")).contains("value=\"PT4H\"");
        assertThat(element(page, "credits")).isEqualTo("99 10 99.5 20");

        var notANumber =
                post(manager, "/tiers/new", "name", "x", "target-P1-RESOLUTION", "PT4H", "creditCapPercent", "half");
        assertThat(notANumber.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(notANumber), "creditCapPercent")).contains("\"half\" is not a number");

        String name = unique("Gold");
        var created = post(
                manager,
                "/tiers/new",
                "name",
                name,
                "description",
                "Fastest targets",
                "target-P1-FIRST_RESPONSE",
                "PT15M",
                "target-P1-RESOLUTION",
                "PT4H",
                "calendar-P1-RESOLUTION",
                calendar,
                "thresholds",
                "0.75 0.9",
                "pause-RESOLUTION",
                "WAITING_ON_CUSTOMER",
                "pause-RESOLUTION",
                "WAITING_ON_VENDOR",
                "reopenRule",
                "RESUME",
                "priorityChangeRule",
                "RETROACTIVE",
                "uptimeTarget",
                "99.9",
                "credits",
                "99.9 10\n99 25",
                "creditsPer",
                "MONITOR",
                "ticketCredits",
                "RESOLUTION P1 95 5");
        assertThat(created.getStatus()).as(html(created)).isEqualTo(302);
        String id = created.getRedirectedUrl().replaceAll(".*/tiers/", "");
        var stored = api().get("/api/v1/tiers/" + id).json().get("policy");
        assertThat(stored.get("targets").toString())
                .contains("\"priority\":\"P1\",\"metric\":\"RESOLUTION\",\"target\":\"PT4H\",\"calendarId\":\""
                        + calendar);
        assertThat(stored.get("pauseStatuses").get("RESOLUTION").toString())
                .contains("WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR");
        assertThat(stored.get("uptimeTarget").asString()).isEqualTo("99.9");
        assertThat(stored.get("credits").size()).isEqualTo(2);
        assertThat(stored.get("ticketCredits").get(0).get("priority").asString())
                .isEqualTo("P1");

        String tier = html(get(manager, "/tiers/" + id));
        assertThat(element(tier, "tier-name")).isEqualTo(name);
        assertThat(row(tier, "line", "target.P1.RESOLUTION"))
                .contains("4 h 00 min")
                .contains("Paris office");
        assertThat(row(tier, "line", "target.P1.FIRST_RESPONSE"))
                .contains("15 min")
                .contains("contract’s calendar");
        assertThat(row(tier, "line", "credits")).contains("below 99.9%: 10% of the fee");
        assertThat(row(tier, "version", "1")).contains(manager);
        assertThat(html(get(manager, "/tiers"))).contains(name);

        // The next version starts from the current one: change a target and the uptime target only.
        var form = html(get(manager, "/tiers/" + id + "/policies/new"));
        assertThat(tag(form, "target.P1.RESOLUTION")).contains("value=\"PT4H\"");
        assertThat(tag(form, "pause.RESOLUTION.WAITING_ON_VENDOR")).contains("checked");
        assertThat(element(form, "credits")).isEqualTo("99.9 10 99 25");

        var badVersion = post(
                manager,
                "/tiers/" + id + "/policies/new",
                "target-P1-FIRST_RESPONSE",
                "PT0S",
                "target-P1-RESOLUTION",
                "PT4H",
                "ticketCredits",
                "RESOLUTION P7 95 5");
        assertThat(badVersion.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(badVersion), "target.P1.FIRST_RESPONSE")).contains("must be positive");
        assertThat(errorsOf(html(badVersion), "ticketCredits")).contains("ticketCredits[0].priority");

        var revised = post(
                manager,
                "/tiers/" + id + "/policies/new",
                "target-P1-FIRST_RESPONSE",
                "PT10M",
                "target-P1-RESOLUTION",
                "PT4H",
                "calendar-P1-RESOLUTION",
                calendar,
                "thresholds",
                "0.75 0.9",
                "pause-RESOLUTION",
                "WAITING_ON_CUSTOMER",
                "pause-RESOLUTION",
                "WAITING_ON_VENDOR",
                "reopenRule",
                "RESUME",
                "priorityChangeRule",
                "RETROACTIVE",
                "uptimeTarget",
                "99.95",
                "credits",
                "99.9 10\n99 25",
                "creditsPer",
                "MONITOR",
                "ticketCredits",
                "RESOLUTION P1 95 5");
        assertThat(revised.getStatus()).as(html(revised)).isEqualTo(302);
        assertThat(revised.getRedirectedUrl()).isEqualTo("/tiers/" + id + "/diff?from=1&to=2");
        var versions = api().get("/api/v1/tiers/" + id + "/policies").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(1).get("targets").get(0).get("target").asString())
                .isEqualTo("PT10M");
        assertThat(versions.get(0).get("targets").get(0).get("target").asString())
                .isEqualTo("PT15M");

        String diff = html(get(manager, "/tiers/" + id + "/diff?from=1&to=2"));
        assertThat(element(diff, "change-count")).isEqualTo("2 lines differ.");
        assertThat(rowTag(diff, "line", "target.P1.FIRST_RESPONSE")).contains("changed");
        assertThat(row(diff, "line", "target.P1.FIRST_RESPONSE")).contains("15 min", "10 min", "changed");
        assertThat(rowTag(diff, "line", "uptimeTarget")).contains("changed");
        assertThat(rowTag(diff, "line", "target.P1.RESOLUTION")).doesNotContain("changed");
        assertThat(rowTag(diff, "line", "credits")).doesNotContain("changed");

        String french = html(get(manager, "/tiers/" + id + "/diff?from=2&to=1", "fr"));
        assertThat(french).contains("2 lignes diffèrent.").contains("Objectif de disponibilité");
        assertThat(row(html(get(manager, "/tiers/" + id + "/policies/1")), "line", "target.P1.FIRST_RESPONSE"))
                .contains("15 min");
        assertThat(get(manager, "/tiers/" + id + "/diff?from=1&to=9").getStatus())
                .isEqualTo(404);
    }

    @Test
    void aTechnicianReadsTiersButWritesNoneAndAClientContactSeesNone() {
        TestCatalog catalog = TestCatalog.create(api());
        String tierId = api().get("/api/v1/clients/" + catalog.clientId() + "/contract")
                .json()
                .get("tierId")
                .asString();
        String technician = createUser("TECHNICIAN");

        var list = get(technician, "/tiers");
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(html(list)).doesNotContain("id=\"new-tier\"");
        var tier = get(technician, "/tiers/" + tierId);
        assertThat(tier.getStatus()).isEqualTo(200);
        assertThat(html(tier)).doesNotContain("id=\"new-version\"").contains("id=\"history\"");
        assertThat(get(technician, "/tiers/" + tierId + "/diff").getStatus()).isEqualTo(200);
        assertThat(get(technician, "/tiers/new").getStatus()).isEqualTo(403);
        assertThat(post(technician, "/tiers/new", "name", "Sneaky").getStatus()).isEqualTo(403);
        assertThat(get(technician, "/tiers/" + tierId + "/policies/new").getStatus())
                .isEqualTo(403);
        assertThat(post(technician, "/tiers/" + tierId + "/policies/new", "target-P1-RESOLUTION", "PT1M")
                        .getStatus())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/tiers/" + tierId + "/policies").json().size())
                .isEqualTo(1);

        String contact = createUser("CLIENT", catalog.slug());
        assertThat(get(contact, "/tiers").getStatus()).isEqualTo(403);
        assertThat(get(contact, "/tiers/" + tierId).getStatus()).isEqualTo(403);
        assertThat(html(get(contact, "/monitors"))).doesNotContain("href=\"/tiers\"");

        String admin = createUser("ADMIN");
        assertThat(get(admin, "/tiers/new").getStatus()).isEqualTo(200);
        assertThat(postWithoutCsrf(admin, "/tiers/new", "name", "No token").getStatus())
                .isEqualTo(403);
    }
}
