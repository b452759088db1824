package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * A service manager freshly created sets up, from nothing and through the pages alone, what a client's
 * service levels need: a calendar, a tier whose policy counts in that calendar, a client with a contract
 * on that tier and calendar, and a monitor of that client. Each step's page shows what was made and the
 * API holds it with the right references; every form is checked with axe-core. Once in English, once in
 * French.
 */
class SetUpFromEmptyPagesTest extends CatalogBrowser {

    @Test
    void aNewManagerSetsUpAClientFromNothing() {
        setsUpFromNothing(new Words(
                "en",
                "Calendars",
                "Tiers",
                "Clients",
                "Monitors",
                "Tier created with policy version 1.",
                "Client created.",
                "Monitor added."));
    }

    @Test
    void unNouveauResponsableMetEnPlaceUnClientEnPartantDeRien() {
        setsUpFromNothing(new Words(
                "fr",
                "Calendriers",
                "Niveaux",
                "Clients",
                "Sondes",
                "Niveau créé avec la version 1 de sa politique.",
                "Client créé.",
                "Sonde ajoutée."));
    }

    /** What differs between the two languages: the navigation's links and the notices after saving. */
    private record Words(
            String language,
            String calendars,
            String tiers,
            String clients,
            String monitors,
            String tierCreated,
            String clientCreated,
            String monitorAdded) {}

    private void setsUpFromNothing(Words words) {
        signIn(createUser("MANAGER"), words.language());

        opened.submit(By.linkText(words.calendars()));
        opened.submit(By.id("new-calendar"));
        assertAccessible();
        String calendar = unique("Office hours");
        forms.saveCalendar(calendar, "Europe/Paris");
        assertThat(text("h1")).isEqualTo(calendar);
        String calendarId = idIn("calendars");
        assertThat(api().get("/api/v1/calendars/" + calendarId)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo(calendar);

        opened.submit(By.linkText(words.tiers()));
        opened.submit(By.id("new-tier"));
        assertAccessible();
        String tier = unique("Gold");
        forms.saveTier(tier, "PT4H", calendar);
        assertThat(text("#tier-name")).isEqualTo(tier);
        assertThat(text(".notice")).isEqualTo(words.tierCreated());
        assertThat(text("#current-policy tr[data-line='target.P1.RESOLUTION']")).contains(calendar);
        String tierId = idIn("tiers");
        JsonNode target = api().get("/api/v1/tiers/" + tierId)
                .json()
                .get("policy")
                .get("targets")
                .get(0);
        assertThat(target.get("priority").asString()).isEqualTo("P1");
        assertThat(target.get("target").asString()).isEqualTo("PT4H");
        assertThat(target.get("calendarId").asString()).isEqualTo(calendarId);

        opened.submit(By.linkText(words.clients()));
        opened.submit(By.id("new-client"));
        assertAccessible();
        String slug = unique("acme");
        forms.saveClient("Acme " + slug, slug, "Europe/Paris", "Jeanne", "jeanne@acme.example");
        assertThat(text("#client-name")).isEqualTo("Acme " + slug);
        assertThat(text(".notice")).isEqualTo(words.clientCreated());
        assertThat(opened.findNow(By.id("contracts"))).isEmpty();
        JsonNode client = api().get("/api/v1/clients/" + slug).json();
        assertThat(client.get("slug").asString()).isEqualTo(slug);

        opened.submit(By.id("new-contract"));
        assertAccessible();
        forms.saveContract(tier, calendar, "ERP", "1200");
        assertThat(text("#contracts")).contains(tier, calendar, "ERP");
        JsonNode contracts = api().get("/api/v1/clients/" + slug + "/contracts").json();
        assertThat(contracts).hasSize(1);
        assertThat(contracts.get(0).get("tierId").asString()).isEqualTo(tierId);
        assertThat(contracts.get(0).get("calendarId").asString()).isEqualTo(calendarId);

        opened.submit(By.linkText(words.monitors()));
        opened.submit(By.id("new-monitor"));
        assertAccessible();
        String monitor = unique("Website");
        forms.saveHttpMonitor(slug, monitor, "http://127.0.0.1:" + port + "/actuator/health", "PT30S");
        assertThat(text("#monitor-name")).isEqualTo(monitor);
        assertThat(text(".notice")).isEqualTo(words.monitorAdded());
        JsonNode stored = api().get("/api/v1/monitors/" + idIn("monitors")).json();
        assertThat(stored.get("name").asString()).isEqualTo(monitor);
        assertThat(stored.get("clientId").asString()).isEqualTo(client.get("id").asString());
    }

    /** The id in the address of the page shown, {@code /collection/{id}}. */
    private String idIn(String collection) {
        String url = browser.getCurrentUrl();
        String id = url.replaceAll(".*/" + collection + "/([0-9a-f-]{36}).*", "$1");
        assertThat(id).as(url).hasSize(36);
        return id;
    }
}
