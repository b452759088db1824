package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service manager watches the dashboard in a real browser, in English and in French: a client's breached
 * clocks, figures that update without reloading the page, a poll answered 304 while nothing changes; a
 * technician has no dashboard. Every page is checked with axe-core.
 */
class DashboardPageTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";

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
    void aManagerSeesABreachArriveWithoutReloadingThePage() {
        TestCatalog catalog = TestCatalog.create(api());
        openBreachedTicket(catalog.slug());
        String manager = createUser("MANAGER");

        signIn(manager, "en");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        // Every client, so that this test's client is listed whatever other tests left breached.
        browser.get("http://localhost:" + port + "/dashboard?all=true");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]"))
                        .getText())
                .isEqualTo("Dashboard");
        ClientRow row = new ClientRow(browser, catalog.slug());
        assertThat(row.breached()).isEqualTo("1");
        assertThat(row.tier()).startsWith("Gold");
        assertThat(browser.findElement(By.cssSelector("#tile-breached .figure")).getText())
                .isNotEqualTo("0");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/dashboard.png"));

        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        openBreachedTicket(catalog.slug());

        assertThat(soon(row::breached, "2")).isEqualTo("2");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        assertAccessible();
    }

    @Test
    void aPollFindingTheSameFiguresIsAnswered304() {
        String manager = createUser("MANAGER");
        signIn(manager, "en");

        @SuppressWarnings("unchecked")
        Map<String, Object> polls = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/dashboard/figures', {cache: 'no-store'}).then(first => {
                  const etag = first.headers.get('ETag');
                  return fetch('/dashboard/figures', {cache: 'no-store', headers: {'If-None-Match': etag}})
                      .then(second => second.text().then(body =>
                          done({first: first.status, etag: etag, second: second.status, body: body})));
                }).catch(error => done({error: String(error)}));
                """);

        assertThat(polls)
                .containsEntry("first", 200L)
                .containsEntry("second", 304L)
                .containsEntry("body", "");
        assertThat((String) polls.get("etag")).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void unResponsableVoitLeTableauDeBordEnFrancais() {
        TestCatalog catalog = TestCatalog.create(api());
        openBreachedTicket(catalog.slug());
        String manager = createUser("MANAGER");

        signIn(manager, "fr");
        browser.get("http://localhost:" + port + "/dashboard?all=true");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tableau de bord");
        assertThat(browser.findElement(By.cssSelector("#tile-breached .label")).getText())
                .isEqualTo("délais ouverts dépassés");
        assertThat(browser.findElement(By.cssSelector("#changed-at")).getText())
                .startsWith("Chiffres modifiés pour la dernière fois le ");
        assertThat(new ClientRow(browser, catalog.slug()).breached()).isEqualTo("1");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/dashboard-fr.png"));
    }

    @Test
    void aTechnicianHasNoDashboard() {
        String technician = createUser("TECHNICIAN");
        signIn(technician, "en");

        assertThat(opened.findNow(By.linkText("Dashboard"))).isEmpty();
        assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("TECHNICIAN");
        var answer = io.pledge.support.Api.at(port).withPassword(technician, PASSWORD);
        assertThat(answer.get("/dashboard").status()).isEqualTo(403);
        assertThat(answer.get("/dashboard/figures").status()).isEqualTo(403);
    }

    /** One client's line of the dashboard's table. */
    private record ClientRow(WebDriver browser, String slug) {

        String breached() {
            return cell(3);
        }

        String tier() {
            return cell(2);
        }

        private String cell(int column) {
            return browser.findElement(
                            By.cssSelector("#clients tr[data-client='" + slug + "'] > :nth-child(" + column + ")"))
                    .getText();
        }
    }

    private void openBreachedTicket(String client) {
        // Created an hour ago: its 15-minute first response is breached from the start.
        Instant createdAt = clock.instant().minus(Duration.ofHours(1));
        var created = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P1", "service": "ERP", "subject": "Mail is down", "createdAt": "%s"}""".formatted(client, createdAt));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String createUser(String role) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    private void signIn(String email, String language) {
        opened = Browser.open(Duration.ofSeconds(5), language);
        browser = opened.driver();
        browser.get("http://localhost:" + port + "/login");
        opened.signIn(email, PASSWORD);
    }

    private void assertAccessible() {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    /** The value once it is {@code expected}, or the last one read after ten seconds. */
    private static String soon(Supplier<String> value, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String read = value.get();
        while (!expected.equals(read) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                read = value.get();
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                // htmx replaced the figures while they were read: read again
            }
        }
        return read;
    }
}
