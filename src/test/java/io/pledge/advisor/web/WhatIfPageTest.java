package io.pledge.advisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api.Response;
import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.PageClient;
import io.pledge.support.PageClient.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The what-if page. A tier promises a P1 resolution in 4 h (first response 1 h, every hour counted); its client
 * raised three P1 tickets in August 2026, resolved after 1 h, 3 h and 5 h and answered after 10, 20 and 30
 * minutes. Proposing 2 h for the resolution, by hand: resolution met 2 of 3 (66.7 %, 1 breach) in force, 1 of 3
 * (33.3 %, 2 breaches) proposed, and one ticket changes outcome (3 h: met, then breached); first responses stay
 * 3 of 3. A manager replays, saves, compares and adopts in Chromium in both languages; the errors of a proposal
 * typed wrong are shown next to the grid's cell or the JSON document, naming the API's field.
 */
class WhatIfPageTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "what-if-password-for-pages";

    @Autowired
    MutableClock clock;

    String tier;
    String tierName;
    String slug;
    List<String> tickets = new java.util.ArrayList<>();

    @BeforeEach
    void aTierWithThreeResolvedTickets() {
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        String calendar = id(api().post("/api/v1/calendars", """
                {"name": "%s", "zone": "UTC", "hours": "24x7"}""".formatted(unique("Always"))));
        tierName = unique("Gold");
        tier = id(api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                  {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}]}}""".formatted(tierName)));
        slug = unique("client");
        String client = id(api().post("/api/v1/clients", """
                {"name": "Acme", "slug": "%s", "zone": "UTC"}""".formatted(slug)));
        id(api().post("/api/v1/clients/" + client + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2026-01-01", "services": [],
                 "monthlyFee": 1000, "currency": "EUR"}""".formatted(tier, calendar)));
        for (int i = 0; i < 3; i++) {
            String created = "2026-08-0%dT10:00:00Z".formatted(i + 3);
            String ticket = id(api().post("/api/v1/tickets", """
                    {"client": "%s", "priority": "P1", "subject": "Down", "createdAt": "%s"}""".formatted(slug, created)));
            tickets.add(ticket);
            Instant at = Instant.parse(created);
            event(
                    ticket,
                    "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \""
                            + at.plus(Duration.ofMinutes(10L * (i + 1))) + "\"}");
            event(ticket, "{\"type\": \"RESOLVED\", \"at\": \"" + at.plus(Duration.ofHours(2L * i + 1)) + "\"}");
        }
    }

    @Test
    void aProposalTypedWrongIsShownWithItsErrorsNextToTheFieldsTheApiNames() {
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        Page page = manager.get("/what-if?tier=" + tier + "&period=2026-Q3");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>What-if replay</h1>", "value=\"PT4H\"", "&quot;reopenRule&quot;");
        assertThat(page.body()).doesNotContain("id=\"replay\"", "<script>");

        Page rejected = manager.post(
                "/what-if",
                Map.of(
                        "tier", tier,
                        "period", "2026-Q3",
                        "target-P1-FIRST_RESPONSE", "PT1H",
                        "target-P1-RESOLUTION", "soon",
                        "document", "{\"reopenRule\": \"SOMETIMES\"}",
                        "action", "replay"));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(cut(rejected.body(), "id=\"target.P1.RESOLUTION-errors\"")).contains("soon");
        assertThat(cut(rejected.body(), "id=\"document-errors\"")).contains("reopenRule: ");
        assertThat(rejected.body()).doesNotContain("id=\"replay\"");

        Page notJson = manager.post(
                "/what-if",
                Map.of("tier", tier, "period", "2026-Q3", "document", "{\"thresholds\": [", "action", "replay"));
        assertThat(notJson.status()).isEqualTo(422);
        assertThat(cut(notJson.body(), "id=\"document-errors\"")).contains("is not a policy document in JSON");

        PageClient technician = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "en");
        assertThat(technician.get("/what-if").status()).isEqualTo(403);
    }

    @Test
    void aManagerReplaysSavesComparesAndAdoptsInABrowserInBothLanguages() {
        String email = createUser("MANAGER");
        int version = 1;
        for (String language : new String[] {"en", "fr"}) {
            boolean en = language.equals("en");
            try (Browser opened = Browser.open(Duration.ofSeconds(5), language)) {
                WebDriver browser = opened.driver();
                browser.get("http://localhost:" + port + "/login");
                opened.signIn(email, PASSWORD);
                browser.get("http://localhost:" + port + "/advisor");
                opened.submit(By.id("what-if-link"));
                browser.findElement(By.cssSelector("#tier option[value='" + tier + "']"))
                        .click();
                opened.submit(By.id("choose-tier"));
                type(browser, "period", "2026-Q3");
                browser.findElement(By.cssSelector("#clients option[value='" + slug + "']"))
                        .click();
                assertThat(browser.findElement(By.id("target.P1.RESOLUTION")).getAttribute("value"))
                        .isEqualTo(version == 1 ? "PT4H" : "PT2H");
                type(browser, "target.P1.RESOLUTION", "PT2H");
                opened.submit(By.id("run-replay"));

                // Actual is each ticket under the version it started with (4 h), whatever was adopted since.
                List<String> resolution = cells(browser, "P1", en ? "Resolution" : "Résolution");
                assertThat(resolution.subList(2, 7))
                        .containsExactly("3 → 3", en ? "66.7%" : "66,7 %", en ? "33.3%" : "33,3 %", "1", "2");
                List<String> firstResponse = cells(browser, "P1", en ? "First response" : "Première réponse");
                assertThat(firstResponse.subList(3, 7))
                        .containsExactly(en ? "100%" : "100 %", en ? "100%" : "100 %", "0", "0");
                assertThat(browser.findElements(By.cssSelector("#what-if-chart svg rect")))
                        .hasSizeGreaterThanOrEqualTo(6);
                List<WebElement> changed = browser.findElements(By.cssSelector("#changes tbody a"));
                assertThat(changed).hasSize(1);
                assertThat(changed.get(0).getAttribute("href")).endsWith("/tickets/" + tickets.get(1));
                assertThat(opened.seriousAccessibilityViolations())
                        .as("serious or critical accessibility violations, " + language)
                        .isEmpty();
                ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("document.getElementById('replay').scrollIntoView()");
                opened.screenshot(Path.of("target/screenshots/what-if" + (en ? "" : "-fr") + ".png"));

                String name = "P1 in 2 h " + language;
                type(browser, "name", name);
                opened.submit(By.id("save-proposal"));
                assertThat(browser.findElement(By.id("opened")).getText()).contains(name);
                assertThat(browser.findElement(By.id("replay")).getText()).contains(en ? "2026-Q3" : "2026-Q3");

                for (WebElement box : browser.findElements(By.cssSelector("#saved input[name='compare']"))) {
                    box.click();
                }
                opened.submit(By.id("compare-proposals"));
                List<WebElement> compared = browser.findElements(By.cssSelector("#compare-lines thead th"));
                assertThat(compared).hasSize(3 + version);

                WebElement adopt =
                        browser.findElement(By.xpath("//table[@id='saved']//tr[td/a[text()='" + name + "']]//button"));
                opened.submit(adopt);
                assertThat(browser.findElement(By.cssSelector(".field-errors")).getText())
                        .isNotBlank();
                assertThat(opened.findNow(By.id("adopted"))).isEmpty();
                browser.findElement(By.xpath(
                                "//table[@id='saved']//tr[td/a[text()='" + name + "']]" + "//input[@name='confirm']"))
                        .click();
                opened.submit(By.xpath("//table[@id='saved']//tr[td/a[text()='" + name + "']]//button"));
                version++;
                assertThat(browser.findElement(By.id("adopted")).getText()).contains(String.valueOf(version));
                Response policy = api().get("/api/v1/tiers/" + tier + "/policies/" + version);
                assertThat(policy.status()).isEqualTo(200);
                assertThat(policy.body()).contains("\"PT2H\"");
            }
        }
    }

    /** The cells of the replay's line for a priority and metric. */
    private static List<String> cells(WebDriver browser, String priority, String metric) {
        for (WebElement row : browser.findElements(By.cssSelector("#replay-lines tbody tr"))) {
            List<String> texts = row.findElements(By.cssSelector("th, td")).stream()
                    .map(cell -> cell.getText().replace('\u00a0', ' '))
                    .toList();
            if (texts.get(0).equals(priority) && texts.get(1).equals(metric)) {
                return texts;
            }
        }
        throw new AssertionError("no line " + priority + " " + metric);
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String cut(String body, String from) {
        int at = body.indexOf(from);
        assertThat(at).as("%s in the page", from).isNotNegative();
        return body.substring(at, Math.min(body.length(), at + 400));
    }

    private void event(String ticket, String body) {
        Response added = api().post("/api/v1/tickets/" + ticket + "/events", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private String createUser(String role) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        Response created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    private static String id(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
