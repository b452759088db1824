package io.pledge.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A service manager schedules maintenance from its page in a real browser: a window starting before now is
 * refused until it is marked retroactive with a reason, as the API rules, the refusal shown next to its
 * field; then listed with its reason. In English and in French, checked with axe-core.
 */
class MaintenancePagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";

    @Autowired
    private Clock clock;

    @Value("${pledge.pages.zone:UTC}")
    private ZoneId zone;

    private Browser opened;
    private WebDriver browser;

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void aRetroactiveWindowNeedsItsReasonThenIsListedWithIt() {
        TestCatalog catalog = TestCatalog.create(api());
        signIn("en");
        browser.get(url("/maintenance-windows"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Maintenance windows");
        assertAccessible();
        opened.submit(By.id("new-window"));
        assertAccessible();

        choose("client", catalog.slug());
        type("name", "Core switch swap");
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
        at("startsAt", now.minusHours(2));
        at("endsAt", now.minusHours(1));
        save();
        assertThat(browser.findElement(By.id("startsAt-errors")).getText()).contains("starts before now");
        assertAccessible();

        browser.findElement(By.id("retroactive")).click();
        save();
        assertThat(browser.findElement(By.id("reason")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("reason-errors")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("retroactive")).isSelected()).isTrue();
        opened.screenshot(Path.of("target/screenshots/maintenance-form-errors.png"));

        type("reason", "Swap agreed with the client by phone");
        save();
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Maintenance window scheduled.");
        WebElement row = browser.findElement(By.xpath("//table[@id='windows']//tr[th[text()='Core switch swap']]"));
        assertThat(row.getText()).contains("Acme", "every monitor of the client", "yes: Swap agreed with the client");
        var listed = api().get("/api/v1/maintenance-windows?client=" + catalog.slug());
        assertThat(listed.json().get(0).get("retroactive").asBoolean()).isTrue();
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/maintenance.png"));
    }

    @Test
    void unResponsablePlanifieUneMaintenanceEnFrancais() {
        TestCatalog catalog = TestCatalog.create(api());
        signIn("fr");
        browser.get(url("/maintenance-windows/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Planifier une maintenance");
        choose("client", catalog.slug());
        save();
        assertThat(browser.findElement(By.id("name-errors")).getText()).isNotBlank();
        assertAccessible();

        type("name", "Mise à jour");
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
        at("startsAt", now.plusDays(1));
        at("endsAt", now.plusDays(1).plusHours(2));
        save();
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Fenêtre de maintenance planifiée.");
        assertThat(browser.findElement(By.id("windows")).getText()).contains("Mise à jour", "du ");
        assertAccessible();
    }

    private void save() {
        opened.submit(By.id("save-window"));
    }

    private void at(String field, LocalDateTime value) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.findElement(By.id(field)), value.toString());
    }

    private void choose(String field, String value) {
        browser.findElement(By.cssSelector("#" + field + " option[value='" + value + "']"))
                .click();
    }

    private void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String language) {
        String email = unique("manager") + "@msp.example";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"MANAGER\"}".formatted(email, PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
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
}
