package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service manager reads a client's compliance report and its QBR pack in a real browser, in English and
 * in French; a bad period is named next to its field; a client's contact sees its own client only. Every
 * page is checked with axe-core.
 */
class ReportsPageTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "reports-password-for-pages";

    @Autowired
    private Clock clock;

    private Browser opened;
    private WebDriver browser;

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void aManagerReadsAClientsMonthAndItsQbrPack() {
        TestCatalog catalog = TestCatalog.create(api());
        openBreachedTicket(catalog.slug(), "Mail is down");
        signIn(createUser("MANAGER", null), "en");

        opened.submit(By.linkText("Reports"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Compliance reports");
        choose(catalog.slug(), month());

        assertThat(browser.findElement(By.cssSelector("#report h2")).getText()).isEqualTo("Acme, " + month());
        assertThat(browser.findElement(By.cssSelector("#open-breaches tbody th"))
                        .getText())
                .isEqualTo("Mail is down");
        assertThat(browser.findElement(By.cssSelector("#open-breaches tbody td:nth-of-type(2)"))
                        .getText())
                .isEqualTo("First response");
        assertAccessible();

        WebElement preview = browser.findElement(By.id("pdf-preview"));
        assertThat(preview.getAttribute("src")).contains("/reports/" + catalog.slug() + "/pdf?period=" + month());
        Map<String, Object> framed = fetch(preview.getAttribute("src"));
        assertThat(framed).containsEntry("status", 200L).containsEntry("type", "application/pdf");
        assertThat((String) framed.get("start")).isEqualTo("%PDF");
        assertThat((String) framed.get("frameAncestors")).contains("frame-ancestors 'self'");
        Map<String, Object> download =
                fetch(browser.findElement(By.id("download-pdf")).getAttribute("href"));
        assertThat(download).containsEntry("status", 200L).containsEntry("type", "application/pdf");
        opened.screenshot(Path.of("target/screenshots/reports.png"));
    }

    @Test
    void aBadPeriodIsNamedNextToItsField() {
        TestCatalog catalog = TestCatalog.create(api());
        signIn(createUser("MANAGER", null), "en");
        browser.get(url("/reports"));
        choose(catalog.slug(), "2026-13");

        assertThat(browser.findElement(By.id("period")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("period-errors")).getText()).contains("2026-13");
        assertThat(opened.findNow(By.id("report"))).isEmpty();
        assertAccessible();
    }

    @Test
    void unResponsableLitLeRapportEnFrancais() {
        TestCatalog catalog = TestCatalog.create(api());
        openBreachedTicket(catalog.slug(), "Messagerie en panne");
        signIn(createUser("MANAGER", null), "fr");

        opened.submit(By.linkText("Rapports"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rapports de conformité");
        choose(catalog.slug(), month());
        assertThat(browser.findElement(By.cssSelector("#open-breaches tbody td:nth-of-type(2)"))
                        .getText())
                .isEqualTo("Première réponse");
        assertThat(browser.findElement(By.id("download-pdf")).getText()).isEqualTo("Télécharger le PDF");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/reports-fr.png"));
    }

    @Test
    void aClientsContactSeesItsOwnClientOnly() {
        TestCatalog mine = TestCatalog.create(api());
        TestCatalog theirs = TestCatalog.create(api());
        signIn(createUser("CLIENT", mine.slug()), "en");

        assertThat(browser.getCurrentUrl())
                .as("a client's contact lands on its portal")
                .endsWith("/portal");
        opened.submit(By.linkText("Reports"));
        assertThat(opened.findNow(By.id("client"))).as("no client to choose").isEmpty();
        assertThat(browser.findElement(By.id("download-pdf")).getAttribute("href"))
                .contains("/qbr/" + mine.slug() + "/pdf");
        assertThat(opened.findNow(By.linkText("Dashboard"))).isEmpty();
        browser.get(url("/reports?client=" + theirs.slug() + "&period=" + month()));
        assertThat(opened.findNow(By.id("report"))).isEmpty();
        assertThat(fetch(url("/reports/" + theirs.slug() + "/pdf?period=" + month())))
                .containsEntry("status", 404L);
    }

    private void choose(String client, String period) {
        browser.findElement(By.cssSelector("#client option[value='" + client + "']"))
                .click();
        browser.findElement(By.id("period")).clear();
        browser.findElement(By.id("period")).sendKeys(period);
        opened.submit(By.id("show-report"));
    }

    /** Fetches a URL from the page, with its session: status, type, first bytes, framing policy. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String url) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(response => response.arrayBuffer().then(body => done({
                    status: response.status,
                    type: (response.headers.get('Content-Type') || '').split(';')[0],
                    frameAncestors: response.headers.get('Content-Security-Policy') || '',
                    start: String.fromCharCode(...new Uint8Array(body.slice(0, 4)))})))
                  .catch(error => done({error: String(error)}));
                """, url);
    }

    private String month() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
    }

    private void openBreachedTicket(String client, String subject) {
        var created = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P1", "service": "ERP", "subject": "%s", "createdAt": "%s"}""".formatted(
                        client, subject, clock.instant().minus(Duration.ofHours(1))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String createUser(String role, String client) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        String clientField = client == null ? "" : ", \"client\": \"" + client + "\"";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"%s}"
                                .formatted(email, PASSWORD, role, clientField));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    private void signIn(String email, String language) {
        opened = Browser.open(Duration.ofSeconds(5), language);
        browser = opened.driver();
        browser.get(url("/login"));
        opened.signIn(email, PASSWORD);
    }

    private void assertAccessible() {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
