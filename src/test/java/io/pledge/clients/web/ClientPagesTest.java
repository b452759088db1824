package io.pledge.clients.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.PageRequests;
import io.pledge.support.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * The clients' pages over HTTP: a manager creates a client with contacts and gives it a contract from the
 * forms, the API's violations shown next to the field (and the contact row) they name; a technician reads
 * clients but changes none; a client's contact opens none of these pages.
 */
class ClientPagesTest extends PageRequests {

    @Test
    void aManagerCreatesAClientWithContactsAndAContract() {
        String manager = createUser("MANAGER");
        String calendar = api().post("/api/v1/calendars", """
                        {"name": "%s", "zone": "Europe/Paris", "hours": "24x7"}""".formatted(unique("Always Paris")))
                .json()
                .get("id")
                .asString();
        String tierName = unique("Silver");
        String tier = api().post("/api/v1/tiers", """
                        {"name": "%s", "policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT8H"}]}}""".formatted(tierName))
                .json()
                .get("id")
                .asString();
        assertThat(html(get(manager, "/clients"))).contains("id=\"new-client\"");

        // Rejected: a slug with spaces, an unknown zone, and in the second contact row a report contact without
        // an email: each shown next to its field, the second row's error next to the second row.
        var rejected = post(
                manager,
                "/clients/new",
                "name",
                "Acme",
                "slug",
                "Acme Corp",
                "zone",
                "Mars/Olympus",
                "language",
                "fr",
                "contacts[0].name",
                "",
                "contacts[1].name",
                "Jo",
                "contacts[1].reports",
                "true");
        assertThat(rejected.getStatus()).isEqualTo(422);
        String page = html(rejected);
        assertThat(errorsOf(page, "slug")).contains("lower-case letters and digits");
        assertThat(errorsOf(page, "zone")).contains("Mars/Olympus");
        assertThat(errorsOf(page, "contacts[0].reports")).contains("needs an email address");
        assertThat(tag(page, "contacts[0].name")).contains("value=\"Jo\"");

        String slug = unique("acme");
        var created = post(
                manager,
                "/clients/new",
                "name",
                "Acme",
                "slug",
                slug,
                "zone",
                "Europe/Paris",
                "language",
                "fr",
                "contacts[0].name",
                "Jane",
                "contacts[0].email",
                "jane@acme.example",
                "contacts[0].reports",
                "true",
                "contacts[1].name",
                "",
                "contacts[2].name",
                "Jo",
                "contacts[2].phone",
                "+33 1 23 45 67 89");
        assertThat(created.getStatus()).as(html(created)).isEqualTo(302);
        assertThat(created.getRedirectedUrl()).isEqualTo("/clients/" + slug);
        var stored = api().get("/api/v1/clients/" + slug).json();
        assertThat(stored.get("language").asString()).isEqualTo("fr");
        assertThat(stored.get("contacts").size()).isEqualTo(2);
        assertThat(stored.get("contacts").get(0).get("reports").asBoolean()).isTrue();
        assertThat(stored.get("contacts").get(1).get("reports").asBoolean()).isFalse();

        var taken = post(manager, "/clients/new", "name", "Other", "slug", slug, "zone", "UTC");
        assertThat(taken.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(taken), "slug")).contains("already taken");

        var edit = html(get(manager, "/clients/" + slug + "/edit"));
        assertThat(tag(edit, "contacts[1].phone")).contains("value=\"+33 1 23 45 67 89\"");
        var changed = post(
                manager,
                "/clients/" + slug + "/edit",
                "name",
                "Acme Corporation",
                "slug",
                slug,
                "zone",
                "Europe/Paris",
                "language",
                "en",
                "contacts[0].name",
                "Jane",
                "contacts[0].email",
                "jane@acme.example");
        assertThat(changed.getStatus()).as(html(changed)).isEqualTo(302);
        assertThat(api().get("/api/v1/clients/" + slug).json().get("contacts").size())
                .isEqualTo(1);

        // A contract: a fee that is no number first, then the API's own rules.
        assertThat(html(get(manager, "/clients/" + slug)))
                .contains("id=\"new-contract\"")
                .contains("id=\"no-contracts\"");
        var noNumber = post(manager, "/clients/" + slug + "/contracts/new", "monthlyFee", "a lot");
        assertThat(noNumber.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(noNumber), "monthlyFee")).contains("\"a lot\" is not a number");
        var badContract = post(
                manager,
                "/clients/" + slug + "/contracts/new",
                "tierId",
                "",
                "calendarId",
                calendar,
                "startDate",
                "2026-13-01",
                "services",
                "ERP\nERP",
                "monthlyFee",
                "1200",
                "currency",
                "EUR");
        assertThat(badContract.getStatus()).isEqualTo(422);
        String contractPage = html(badContract);
        assertThat(errorsOf(contractPage, "tierId")).isEqualTo("is required");
        assertThat(errorsOf(contractPage, "startDate")).contains("2026-13-01");
        assertThat(errorsOf(contractPage, "services")).contains("line 2: service \"ERP\" is listed twice");

        var added = post(
                manager,
                "/clients/" + slug + "/contracts/new",
                "tierId",
                tier,
                "calendarId",
                calendar,
                "startDate",
                "2026-01-01",
                "services",
                "ERP\nNetwork",
                "monthlyFee",
                "1200",
                "currency",
                "EUR");
        assertThat(added.getStatus()).as(html(added)).isEqualTo(302);
        var contracts = api().get("/api/v1/clients/" + slug + "/contracts").json();
        assertThat(contracts.size()).isEqualTo(1);
        assertThat(contracts.get(0).get("services").toString()).isEqualTo("[\"ERP\",\"Network\"]");
        String contractId = contracts.get(0).get("id").asString();
        String client = html(get(manager, "/clients/" + slug));
        assertThat(row(client, "contract", contractId)).contains(tierName, "ERP, Network", "in force today");

        var overlapping = post(
                manager,
                "/clients/" + slug + "/contracts/new",
                "tierId",
                tier,
                "calendarId",
                calendar,
                "startDate",
                "2026-06-01",
                "monthlyFee",
                "1200",
                "currency",
                "EUR");
        assertThat(overlapping.getStatus()).isEqualTo(422);
        assertThat(errorsOf(html(overlapping), "startDate")).contains("overlaps contract " + contractId);

        assertThat(tag(html(get(manager, "/clients/" + slug + "/contracts/" + contractId + "/edit")), "monthlyFee"))
                .contains("value=\"1200.00\"");
        var edited = post(
                manager,
                "/clients/" + slug + "/contracts/" + contractId + "/edit",
                "tierId",
                tier,
                "calendarId",
                calendar,
                "startDate",
                "2026-01-01",
                "endDate",
                "2026-12-31",
                "services",
                "ERP",
                "monthlyFee",
                "1500",
                "currency",
                "EUR");
        assertThat(edited.getStatus()).as(html(edited)).isEqualTo(302);
        var stored2 = api().get("/api/v1/contracts/" + contractId).json();
        assertThat(stored2.get("monthlyFee").decimalValue()).isEqualByComparingTo("1500");
        assertThat(stored2.get("endDate").asString()).isEqualTo("2026-12-31");
        assertThat(row(html(get(manager, "/clients")), "client", slug)).contains("Acme Corporation", tierName);
    }

    @Test
    void aTechnicianReadsClientsButChangesNoneAndAClientContactOpensNone() {
        TestCatalog catalog = TestCatalog.create(api());
        String contractId = api().get("/api/v1/clients/" + catalog.slug() + "/contracts")
                .json()
                .get(0)
                .get("id")
                .asString();
        String technician = createUser("TECHNICIAN");
        assertThat(html(get(technician, "/clients")))
                .doesNotContain("id=\"new-client\"")
                .contains(catalog.slug());
        String page = html(get(technician, "/clients/" + catalog.slug()));
        assertThat(page)
                .contains("ERP, Network")
                .doesNotContain("id=\"edit-client\"")
                .doesNotContain("id=\"new-contract\"");
        assertThat(get(technician, "/clients/new").getStatus()).isEqualTo(403);
        assertThat(get(technician, "/clients/" + catalog.slug() + "/edit").getStatus())
                .isEqualTo(403);
        assertThat(get(technician, "/clients/" + catalog.slug() + "/contracts/new")
                        .getStatus())
                .isEqualTo(403);
        assertThat(post(
                                technician,
                                "/clients/" + catalog.slug() + "/contracts/" + contractId + "/edit",
                                "monthlyFee",
                                "1")
                        .getStatus())
                .isEqualTo(403);
        assertThat(post(technician, "/clients/new", "name", "Sneaky", "slug", unique("sneaky"), "zone", "UTC")
                        .getStatus())
                .isEqualTo(403);

        String contact = createUser("CLIENT", catalog.slug());
        assertThat(get(contact, "/clients").getStatus()).isEqualTo(403);
        assertThat(get(contact, "/clients/" + catalog.slug()).getStatus()).isEqualTo(403);

        String manager = createUser("MANAGER");
        assertThat(postWithoutCsrf(manager, "/clients/new", "name", "No token").getStatus())
                .isEqualTo(403);
        assertThat(get(manager, "/clients/no-such-client").getStatus()).isEqualTo(404);
    }
}
