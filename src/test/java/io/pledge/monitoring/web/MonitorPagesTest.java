package io.pledge.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import io.pledge.web.ManagerForms;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A service manager adds a monitor from its page in a real browser, sees the API's rejection next to the
 * fields it names, then the monitor on its own page (90 daily uptime bars) and in the list, in English and
 * in French; a technician sees monitors but may not add one. Every page is checked with axe-core.
 */
class MonitorPagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";

    private Browser opened;
    private WebDriver browser;
    private ManagerForms forms;

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void aManagerAddsAMonitorFromThePageAndSeesItListed() {
        TestCatalog catalog = TestCatalog.create(api());
        signIn(createUser("MANAGER"), "en");

        browser.get(url("/monitors"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Monitors");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]"))
                        .getText())
                .isEqualTo("Monitors");
        assertAccessible();
        opened.submit(By.id("new-monitor"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Add a monitor");
        assertAccessible();

        // Rejected first: no name, a port that is no number, and a URL that is no http URL.
        choose("client", catalog.slug());
        type("url", "ftp://files.example");
        opened.submit(By.id("save-monitor"));
        assertThat(browser.findElement(By.id("name-errors")).getText()).isEqualTo("is required");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("url-errors")).getText())
                .contains("must be an http or https URL with a host");
        assertThat(browser.findElement(By.id("url")).getAttribute("value")).isEqualTo("ftp://files.example");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/monitor-form-errors.png"));

        forms.saveHttpMonitor(catalog.slug(), "Acme website", "http://127.0.0.1:" + port + "/actuator/health", "PT30S");

        assertThat(browser.findElement(By.id("monitor-name")).getText()).isEqualTo("Acme website");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Monitor added.");
        assertThat(browser.findElements(By.cssSelector("#uptime-bars rect"))).hasSize(90);
        assertThat(browser.findElement(By.id("status")).getText()).isIn("Pending", "Up", "Down");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/monitor.png"));

        opened.submit(By.linkText("All monitors"));
        WebElement row = browser.findElement(By.xpath("//table[@id='monitors']//tr[th/a[text()='Acme website']]"));
        assertThat(row.getText()).contains("Acme", "HTTP(S) request");
        var listed = api().get("/api/v1/monitors?client=" + catalog.slug());
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo("Acme website");
        assertThat(listed.json().get(0).get("interval").asString()).isEqualTo("PT30S");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/monitors.png"));
    }

    @Test
    void unResponsableAjouteUneSondeEnFrancais() {
        TestCatalog catalog = TestCatalog.create(api());
        signIn(createUser("MANAGER"), "fr");

        browser.get(url("/monitors/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ajouter une sonde");
        choose("client", catalog.slug());
        choose("kind", "TCP");
        type("name", "Passerelle");
        type("host", "127.0.0.1");
        type("port", "quatre");
        opened.submit(By.id("save-monitor"));
        assertThat(browser.findElement(By.id("port-errors")).getText()).startsWith("must be a whole number");
        assertAccessible();

        type("port", String.valueOf(port));
        opened.submit(By.id("save-monitor"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Sonde ajoutée.");
        assertThat(browser.findElement(By.cssSelector("#uptime-heading")).getText())
                .isEqualTo("Disponibilité jour par jour sur les 90 derniers jours");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/monitor-fr.png"));

        browser.get(url("/monitors"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sondes");
        assertThat(browser.findElement(By.id("monitors")).getText()).contains("Passerelle", "Connexion TCP");
        assertAccessible();
    }

    @Test
    void aTechnicianSeesMonitorsButMayNotAddOne() {
        TestCatalog catalog = TestCatalog.create(api());
        var created = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "Beat", "kind": "HEARTBEAT"}""".formatted(catalog.slug()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String technician = createUser("TECHNICIAN");
        signIn(technician, "en");

        browser.get(url("/monitors"));
        assertThat(opened.findNow(By.id("new-monitor"))).isEmpty();
        assertThat(browser.findElement(By.id("monitors")).getText()).contains("Beat");
        browser.get(url("/monitors/" + id));
        assertThat(browser.findElement(By.id("monitor-name")).getText()).isEqualTo("Beat");
        assertThat(opened.findNow(By.id("edit-monitor"))).isEmpty();
        assertAccessible();
        var answer = Api.at(port).withPassword(technician, PASSWORD);
        assertThat(answer.get("/monitors/new").status()).isEqualTo(403);
        assertThat(answer.get("/monitors/" + id + "/edit").status()).isEqualTo(403);
    }

    private void choose(String field, String value) {
        forms.choose(field, value);
    }

    private void type(String field, String text) {
        forms.type(field, text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
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
        forms = new ManagerForms(opened);
        browser.get(url("/login"));
        opened.signIn(email, PASSWORD);
    }

    private void assertAccessible() {
        forms.assertAccessible();
    }
}
