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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The target advisor's page: a service manager reads a tier's quarter (the same figures as the API, with the
 * distribution and the months drawn as SVG), in English and in French; a bad compliance level is named next
 * to its field; a technician, whom the API keeps out, is kept out of the page.
 */
class AdvisorPageTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "advisor-password-for-pages";

    @Autowired
    MutableClock clock;

    String tier;
    String tierName;

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
        String slug = unique("client");
        String client = id(api().post("/api/v1/clients", """
                {"name": "Acme", "slug": "%s", "zone": "UTC"}""".formatted(slug)));
        id(api().post("/api/v1/clients/" + client + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2026-01-01", "services": [],
                 "monthlyFee": 1000, "currency": "EUR"}""".formatted(tier, calendar)));
        // Resolution after 1 h, 3 h and 5 h (the last breached); replies after 10, 20 and 30 minutes.
        for (int i = 0; i < 3; i++) {
            String created = "2026-08-0%dT10:00:00Z".formatted(i + 3);
            Response opened = api().post("/api/v1/tickets", """
                    {"client": "%s", "priority": "P1", "subject": "Down", "createdAt": "%s"}""".formatted(slug, created));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            String ticket = opened.json().get("id").asString();
            Instant at = Instant.parse(created);
            Instant replied = at.plus(Duration.ofMinutes(10L * (i + 1)));
            Instant resolved = at.plus(Duration.ofHours(2L * i + 1));
            Response reply = api().post(
                            "/api/v1/tickets/" + ticket + "/events",
                            "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \"" + replied
                                    + "\"}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            Response resolve = api().post(
                            "/api/v1/tickets/" + ticket + "/events",
                            "{\"type\": \"RESOLVED\", \"at\": \"" + resolved + "\"}");
            assertThat(resolve.status()).as(resolve.toString()).isEqualTo(201);
        }
    }

    @Test
    void aManagerReadsATiersQuarterOverHttp() {
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        Page page = manager.get("/advisor?period=2026-Q3&tier=" + tier + "&compliance=95");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Target advisor</h1>", "2026-Q3, at 95 % compliance", tierName)
                // p50 3 h, p95 and the longest 5 h; 2 of 3 within the 4 h target; 5 h needed for 95 %.
                .contains(
                        "3\u00a0h 00\u00a0min",
                        "5\u00a0h 00\u00a0min",
                        "66.7%",
                        "Only 3 clocks, under 30: too few to trust.")
                .contains("<svg", "role=\"img\"", "business time at p50, p80, p90, p95 and the longest")
                .doesNotContain("<script>");
        assertThat(page.body()).contains("href=\"/advisor\"");
    }

    @Test
    void aBadComplianceLevelIsNamedNextToItsField() {
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        Page page = manager.get("/advisor?period=2026-Q3&compliance=150");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"compliance-errors\"", "must be a percentage above 0 and at most 100");
        assertThat(page.body()).doesNotContain("id=\"advice\"");
    }

    @Test
    void aTechnicianIsKeptOut() {
        PageClient technician = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "en");
        assertThat(technician.get("/advisor").status()).isEqualTo(403);
        assertThat(technician.get("/reports").body()).doesNotContain("href=\"/advisor\"");
    }

    @Test
    void aManagerReadsTheAdviceInABrowserInBothLanguages() {
        String email = createUser("MANAGER");
        for (String language : new String[] {"en", "fr"}) {
            try (Browser opened = Browser.open(Duration.ofSeconds(5), language)) {
                WebDriver browser = opened.driver();
                browser.get("http://localhost:" + port + "/login");
                opened.signIn(email, PASSWORD);
                opened.submit(By.linkText(language.equals("en") ? "Target advisor" : "Conseil d’objectifs"));
                browser.findElement(By.id("period")).clear();
                browser.findElement(By.id("period")).sendKeys("2026-Q3");
                browser.findElement(By.cssSelector("#tier option[value='" + tier + "']"))
                        .click();
                opened.submit(By.id("show-advice"));
                assertThat(browser.findElement(By.tagName("h1")).getText())
                        .isEqualTo(language.equals("en") ? "Target advisor" : "Conseil d’objectifs");
                assertThat(browser.findElements(By.cssSelector("#advice-lines tbody tr")))
                        .hasSize(2);
                assertThat(browser.findElements(By.cssSelector(".advice-line svg")))
                        .hasSize(4);
                assertThat(opened.seriousAccessibilityViolations())
                        .as("serious or critical accessibility violations, " + language)
                        .isEmpty();
                opened.screenshot(
                        Path.of("target/screenshots/advisor" + (language.equals("en") ? "" : "-fr") + ".png"));
            }
        }
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
