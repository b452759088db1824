package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A service manager sets up a tier in the browser, from the empty form (the API's violations next to the
 * fields they name) to its page and history, saves a second policy version and compares the two side by
 * side. Every page is checked with axe-core. Who may open which page, and the rest of each form, are
 * tested over HTTP ({@code TierPagesTest}).
 */
class CatalogPagesTest extends CatalogBrowser {

    @Test
    void aManagerSetsUpATierAndComparesTwoVersions() {
        String manager = createUser("MANAGER");
        signIn(manager, "en");
        opened.submit(By.linkText("Tiers"));
        assertThat(text("h1")).isEqualTo("Tiers");
        assertAccessible();

        opened.submit(By.id("new-tier"));
        assertThat(text("h1")).isEqualTo("New tier");
        String name = unique("Gold");
        type("name", name);
        type("target.P1.FIRST_RESPONSE", "PT15M");
        type("target.P1.RESOLUTION", "four hours");
        type("thresholds", "0.9 0.75");
        opened.submit(By.id("save-policy"));
        assertThat(text(".form-errors")).contains("each problem is shown next to its field");
        assertThat(errorsOf("target.P1.RESOLUTION")).contains("four hours");
        assertThat(errorsOf("thresholds")).contains("greater than the previous threshold");
        assertAccessible();
        screenshot("tier-form-errors");

        type("target.P1.RESOLUTION", "PT4H");
        type("target.P2.RESOLUTION", "PT8H");
        type("thresholds", "0.75 0.9");
        type("uptimeTarget", "99.9");
        type("credits", "99.9 10\n99 25");
        opened.submit(By.id("save-policy"));
        assertThat(text("#tier-name")).isEqualTo(name);
        assertThat(text(".notice")).isEqualTo("Tier created with policy version 1.");
        assertThat(text("#current-policy tr[data-line='target.P1.RESOLUTION']")).contains("4 h 00 min");
        assertAccessible();

        opened.submit(By.id("new-version"));
        assertThat(browser.findElement(By.id("target.P1.RESOLUTION")).getAttribute("value"))
                .isEqualTo("PT4H");
        type("target.P1.RESOLUTION", "PT2H");
        type("uptimeTarget", "99.95");
        opened.submit(By.id("save-policy"));
        assertThat(text("h1")).isEqualTo(name + ": version 1 and version 2");
        assertThat(text("#change-count")).isEqualTo("2 lines differ.");
        assertThat(text("#diff tr.changed[data-line='target.P1.RESOLUTION'] td.left"))
                .contains("4 h 00 min");
        assertThat(text("#diff tr.changed[data-line='target.P1.RESOLUTION'] td.right"))
                .contains("2 h 00 min");
        assertThat(browser.findElements(By.cssSelector("#diff tr.changed"))).hasSize(2);
        assertAccessible();
        screenshot("tier-diff");

        opened.submit(By.linkText("Back to " + name));
        assertThat(browser.findElements(By.cssSelector("#history tr[data-version]")))
                .hasSize(2);
        assertAccessible();
        screenshot("tier");
    }

    @Test
    void unAdministrateurCreeUnClientAvecUnContratEtUnJeton() {
        String tier = api().post("/api/v1/tiers", """
                        {"name": "%s", "policy": {"targets": [{"priority": "P1", "metric": "RESOLUTION", "target": "PT8H"}]}}""".formatted(unique("Argent")))
                .json()
                .get("name")
                .asString();
        String calendar = unique("Paris");
        api().post("/api/v1/calendars", """
                {"name": "%s", "zone": "Europe/Paris", "hours": "24x7"}""".formatted(calendar));
        signIn(createUser("ADMIN"), "fr");
        opened.submit(By.linkText("Clients"));
        opened.submit(By.id("new-client"));
        assertThat(text("h1")).isEqualTo("Nouveau client");
        String slug = unique("acme");
        type("name", "Acme");
        type("slug", "Acme Corp");
        type("zone", "Europe/Paris");
        type("contacts[0].name", "Jeanne");
        opened.submit(By.id("save-client"));
        assertThat(text(".form-errors")).contains("chaque problème est indiqué à côté de son champ");
        assertThat(errorsOf("slug")).isNotBlank();
        assertAccessible();
        forms.saveClient("Acme", slug, "Europe/Paris", "Jeanne", "jeanne@acme.example");
        assertThat(text("#client-name")).isEqualTo("Acme");
        assertThat(text(".notice")).isEqualTo("Client créé.");

        opened.submit(By.id("new-contract"));
        forms.saveContract(tier, calendar, "ERP\nRéseau", "1200");
        assertThat(text("#contracts")).contains(tier, "ERP, Réseau", "en vigueur aujourd’hui");
        assertAccessible();
        screenshot("client-fr");

        opened.submit(By.linkText("Jetons d’API"));
        opened.submit(By.id("new-token"));
        String name = unique("Synchro");
        type("name", name);
        opened.submit(By.id("save-token"));
        assertThat(text("#secret-value")).startsWith("plg_");
        assertAccessible();
        screenshot("tokens-fr");
        open("/tokens");
        assertThat(browser.findElements(By.id("secret"))).isEmpty();
        assertThat(text("#tokens")).contains(name);
    }
}
