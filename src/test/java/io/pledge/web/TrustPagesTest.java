package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.trust.TrustFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A prospect opens a client's public trust page in a real browser, without signing in, in English and in
 * French: the overall status, each published system with its 90 daily bars and its availability, the response
 * figures, the incident the MSP wrote, the counting rules, in the MSP's colour under the strict policy. Checked
 * with axe-core.
 */
class TrustPagesTest extends DatabaseIntegrationTest {

    @Autowired
    private MutableClock clock;

    private Browser opened;
    private WebDriver browser;
    private TrustFixture.Client client;

    @BeforeEach
    void aPublishedClientPage() {
        TrustFixture fixture = new TrustFixture(api(), clock.instant());
        client = fixture.client("Contoso Pharma");
        TrustFixture.Monitor erp = fixture.monitor(client, "erp-prod-internal");
        TrustFixture.Monitor mail = fixture.monitor(client, "mail-relay-internal");
        Instant now = clock.instant();
        fixture.down(
                erp,
                now.minus(Duration.ofDays(20)),
                now.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(30)),
                port);
        fixture.down(
                erp,
                now.minus(Duration.ofDays(6)),
                now.minus(Duration.ofDays(6)).plus(Duration.ofMinutes(4)),
                port);
        fixture.down(mail, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)), port);
        fixture.ticket(client, "P1", Duration.ofDays(3), Duration.ofMinutes(10), Duration.ofHours(2));
        fixture.ticket(client, "P1", Duration.ofDays(5), Duration.ofMinutes(12), Duration.ofHours(3));
        fixture.ticket(client, "P2", Duration.ofDays(4), Duration.ofMinutes(30), Duration.ofHours(5));
        String page = TrustFixture.created(
                api().post("/api/v1/trust/pages", """
                {"client": "%s", "slug": "%s", "name": "Contoso IT services", "accentColour": "#7a1f5c",
                 "language": "en", "published": true,
                 "systems": [{"monitorId": "%s", "name": "ERP"}, {"monitorId": "%s", "name": "Mail"}],
                 "figures": [{"metric": "FIRST_RESPONSE", "priority": "P1"}, {"metric": "RESOLUTION", "priority": "P1"},
                             {"metric": "FIRST_RESPONSE", "priority": "P2"}]}""".formatted(client.slug(), client.slug(), erp.id(), mail.id())));
        String incident = TrustFixture.created(
                api().post("/api/v1/trust/pages/" + page + "/incidents", """
                {"title": "Mail delayed", "impact": "MINOR", "systems": ["%s"],
                 "message": "Outgoing mail is queued; we are looking into it."}""".formatted(mail.id())));
        assertThat(api().post(
                                "/api/v1/trust/pages/" + page + "/incidents/" + incident + "/updates",
                                "{\"status\": \"MONITORING\", \"message\": \"The queue is draining.\"}")
                        .status())
                .isEqualTo(201);
    }

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void aProspectReadsTheStatusTheFiguresAndTheIncidentInEnglish() {
        open("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Status of Contoso IT services");
        assertThat(browser.findElement(By.cssSelector("#overall .overall-status"))
                        .getText())
                .isEqualTo("Some systems degraded");
        List<WebElement> systems = browser.findElements(By.cssSelector("#systems .system"));
        assertThat(systems).hasSize(2);
        assertThat(systems.get(0).findElement(By.tagName("h3")).getText()).isEqualTo("ERP");
        assertThat(systems.get(0).findElements(By.cssSelector("rect.bar"))).hasSize(90);
        assertThat(systems.get(0).findElements(By.cssSelector("rect.bar-DOWN"))).hasSize(2);
        assertThat(systems.get(0).findElement(By.cssSelector(".a30")).getText()).matches("99\\.\\d%");
        assertThat(browser.findElement(By.cssSelector("#figure-FIRST_RESPONSE-P1 .met30"))
                        .getText())
                .startsWith("100.00%");
        assertThat(browser.findElement(By.cssSelector("#figure-FIRST_RESPONSE-P1 .median30"))
                        .getText())
                .isEqualTo("10 min");
        WebElement incident = browser.findElement(By.cssSelector("#incidents .incident"));
        assertThat(incident.getText())
                .contains("Mail delayed")
                .contains("Monitoring")
                .contains("The queue is draining.");
        assertThat(browser.findElement(By.id("rules")).getText())
                .contains("ERP counts as down while its monitoring tool reports it down.");
        // The MSP's colour, from the page's own stylesheet: the policy lets no inline style through.
        assertThat(browser.findElement(By.cssSelector(".trust-header")).getCssValue("background-color"))
                .isEqualTo("rgba(122, 31, 92, 1)");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/trust-page.png"));

        opened.submit(By.id("language"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("État des services de Contoso IT services");
    }

    @Test
    void unProspectLitLaPageEnFrancais() {
        open("fr");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("État des services de Contoso IT services");
        assertThat(browser.findElement(By.cssSelector("#overall .overall-status"))
                        .getText())
                .isEqualTo("Certains systèmes sont dégradés");
        assertThat(browser.findElement(By.cssSelector("#systems .system .a30")).getText())
                .matches("99,\\d[ \u00a0]%");
        assertThat(browser.findElement(By.cssSelector("#figure-FIRST_RESPONSE-P1 th"))
                        .getText())
                .isEqualTo("P1 première réponse");
        assertThat(browser.findElement(By.cssSelector("#incidents .incident")).getText())
                .contains("Sous surveillance")
                .contains("Impact mineur");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/trust-page-fr.png"));
    }

    @Test
    void aVisitorSubscribesToNoticesInEnglishAndInFrench() {
        open("en");
        WebElement form = browser.findElement(By.cssSelector("#subscribe form"));
        assertThat(browser.findElement(By.id("subscribe-heading")).getText()).isEqualTo("Get notices");
        form.findElement(By.id("subscribe-email")).sendKeys("reader@example.com");
        browser.findElement(By.id("subscribe-email")).click();
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/trust-subscribe.png"));
        opened.submit(By.id("subscribe-submit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your mailbox");
        assertThat(browser.findElement(By.id("requested")).getText()).contains("reader@example.com");
        assertAccessible();
        opened.close();

        open("fr");
        assertThat(browser.findElement(By.id("subscribe-heading")).getText()).isEqualTo("Recevoir les avis");
        browser.findElement(By.id("subscribe-email")).sendKeys("lecteur@example.fr");
        assertAccessible();
        opened.submit(By.id("subscribe-submit"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Consultez votre bo\u00eete de r\u00e9ception");
        assertAccessible();
    }

    private void open(String language) {
        opened = Browser.open(Duration.ofSeconds(5), language);
        browser = opened.driver();
        browser.get("http://localhost:" + port + "/trust/" + client.slug());
    }

    private void assertAccessible() {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on " + browser.getCurrentUrl())
                .isEmpty();
    }
}
