package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A client's contact in the client portal, in a real browser, in English and in French: it lands on its
 * portal's home, opens a ticket and sees its clocks run, reads its contract's terms and its system's uptime
 * month by month. Every page is checked with axe-core. The scope of every portal URL is tested over HTTP
 * ({@link ClientPortalTest}).
 */
class ClientPortalPagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "portal-pages-password-1";

    private Browser opened;
    private WebDriver browser;

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void aClientsContactOpensATicketAndReadsItsServiceLevels() {
        TestCatalog catalog = client("Acme Industries");
        String monitor = monitor(catalog, "Acme backup");
        signIn(contact(catalog), "en");

        assertThat(browser.getCurrentUrl()).endsWith("/portal");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acme Industries: your service levels");
        assertThat(browser.findElement(By.id("portal-monitors")).getText()).contains("Acme backup");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/portal.png"));

        // A ticket opened from the portal: its clocks start, the first response counts down.
        opened.submit(By.id("portal-new-ticket"));
        assertThat(opened.findNow(By.id("client"))).as("no client to choose").isEmpty();
        assertAccessible();
        browser.findElement(By.cssSelector("#priority option[value='P2']")).click();
        browser.findElement(By.id("service")).sendKeys("ERP");
        browser.findElement(By.id("subject")).sendKeys("The VPN drops every hour");
        browser.findElement(By.id("description")).sendKeys("Since this morning, at every office.");
        opened.submit(By.id("open-ticket"));
        assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo("The VPN drops every hour");
        assertThat(browser.findElement(By.id("clock-FIRST_RESPONSE")).getAttribute("data-state"))
                .isEqualTo("RUNNING");
        browser.findElement(By.id("body")).sendKeys("It dropped again at 10:05.");
        opened.submit(By.id("send-reply"));
        assertThat(browser.findElement(By.id("conversation")).getText()).contains("It dropped again at 10:05.");

        // Its terms: the tier's targets per priority, the calendar's hours, the covered services.
        browser.findElement(By.linkText("Contract")).click();
        assertThat(browser.findElement(By.id("services")).getText()).isEqualTo("ERP, Network");
        assertThat(browser.findElement(By.cssSelector("#targets tr[data-priority='P1'] .first-response"))
                        .getText())
                .isEqualTo("15 min");
        assertThat(browser.findElement(By.id("always-open")).getText()).contains("around the clock");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/portal-contract.png"));

        // Its system's uptime: 90 daily bars, and the months against the target.
        browser.get(url("/monitors/" + monitor));
        assertThat(browser.findElements(By.cssSelector("#uptime-bars rect"))).hasSize(90);
        assertThat(browser.findElements(By.cssSelector("#months tbody tr"))).isNotEmpty();
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/portal-uptime.png"));
    }

    @Test
    void unContactClientConsulteSonPortailEnFrancais() {
        TestCatalog catalog = client("Durand SA");
        monitor(catalog, "Sauvegarde Durand");
        signIn(contact(catalog), "fr");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Durand SA : vos niveaux de service");
        assertThat(browser.findElement(By.id("tile-response")).getText()).contains("premières réponses");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/portal-fr.png"));

        // A ticket without a subject is refused, the error next to its field.
        opened.submit(By.id("portal-new-ticket"));
        browser.findElement(By.cssSelector("#priority option[value='P1']")).click();
        opened.submit(By.id("open-ticket"));
        assertThat(browser.findElement(By.id("subject")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("subject-errors")).isDisplayed()).isTrue();
        assertAccessible();

        browser.findElement(By.linkText("Contrat")).click();
        assertThat(browser.findElement(By.id("targets-heading")).getText()).isEqualTo("Objectifs par priorité");
        assertThat(browser.findElement(By.cssSelector("#targets tr[data-priority='P1'] .resolution"))
                        .getText())
                .isEqualTo("4 h 00 min");
        assertAccessible();
    }

    private TestCatalog client(String name) {
        TestCatalog catalog = TestCatalog.create(api());
        Api.Response renamed = api().put("/api/v1/clients/" + catalog.clientId(), """
                {"name": "%s", "slug": "%s", "zone": "UTC"}""".formatted(name, catalog.slug()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        return catalog;
    }

    private String monitor(TestCatalog catalog, String name) {
        Api.Response monitor = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "%s", "kind": "HEARTBEAT", "interval": "PT60S", "grace": "PT30S"}""".formatted(catalog.slug(), name));
        assertThat(monitor.status()).as(monitor.toString()).isEqualTo(201);
        return monitor.json().get("id").asString();
    }

    private String contact(TestCatalog catalog) {
        String email = unique("contact") + "@" + catalog.slug() + ".example";
        Api.Response user = api().post("/api/v1/users", """
                {"email": "%s", "password": "%s", "role": "CLIENT", "client": "%s"}""".formatted(email, PASSWORD, catalog.slug()));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return email;
    }

    private void signIn(String email, String language) {
        opened = Browser.open(Duration.ofSeconds(5), language);
        browser = opened.driver();
        browser.get(url("/login"));
        opened.signIn(email, PASSWORD);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!browser.getCurrentUrl().endsWith("/portal") && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
