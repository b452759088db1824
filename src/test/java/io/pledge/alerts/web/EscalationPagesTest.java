package io.pledge.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.alerts.Deliveries;
import io.pledge.alerts.Delivery;
import io.pledge.alerts.EscalationRule;
import io.pledge.alerts.Escalations;
import io.pledge.core.Retries;
import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.PageClient;
import io.pledge.support.PageClient.Page;
import io.pledge.support.TestCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The escalation rules' and deliveries' pages over HTTP, as a browser without scripts uses them: a service
 * manager creates, changes and retires a rule (the API's violations shown next to their fields), and puts a
 * dead delivery back in line; a technician, whom the API keeps out of escalations, is kept out of the pages;
 * every form needs its CSRF token.
 */
class EscalationPagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";

    @Autowired
    private Escalations escalations;

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private Clock clock;

    @Test
    void aManagerCreatesChangesAndRetiresARule() {
        TestCatalog catalog = TestCatalog.create(api());
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        Page list = manager.get("/escalations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>Escalation rules</h1>", "href=\"/escalations/new\"");

        String name = unique("breach to the PSA");
        Page created = manager.post(
                "/escalations/new", form(name, catalog.slug(), "1", "WEBHOOK", "https://psa.example/hook"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = created.location().replaceAll(".*/escalations/", "");
        Page shown = manager.get("/escalations/" + id);
        assertThat(shown.body()).contains("Rule created.", "id=\"secret\"", name, "at the breach", "client Acme");
        JsonNode rule = rule(id);
        assertThat(rule.get("action").asString()).isEqualTo("WEBHOOK");
        assertThat(rule.get("ratio").decimalValue()).isEqualByComparingTo("1");

        manager.get("/escalations/" + id + "/edit");
        Page revised = manager.post(
                "/escalations/" + id + "/edit", form(name, catalog.slug(), "0.75", "CHAT", "https://chat.example/in"));
        assertThat(revised.status()).as(revised.body()).isEqualTo(302);
        Page versions = manager.get("/escalations/" + id);
        assertThat(versions.body()).contains("Rule changed", "at 75% of the target", "Chat message");
        assertThat(versions.body()).doesNotContain("id=\"secret\"");
        assertThat(rule(id).get("version").asInt()).isEqualTo(2);
        assertThat(rule(id).get("action").asString()).isEqualTo("CHAT");

        Page retired = manager.post("/escalations/" + id + "/retire", Map.of());
        assertThat(retired.status()).isEqualTo(302);
        assertThat(manager.get("/escalations").body()).contains("Rule retired.").doesNotContain(name);
        assertThat(rule(id)).isNull();
        assertThat(manager.get("/escalations/" + id).body()).contains("Retired: this rule no longer applies.");
    }

    @Test
    void theFormShowsTheApisViolationsNextToTheirFieldsInTheReadersLanguage() {
        TestCatalog catalog = TestCatalog.create(api());
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        manager.get("/escalations/new");
        Page rejected = manager.post("/escalations/new", form("", catalog.slug(), "lots", "WEBHOOK", "ftp://x"));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(errorsOf(rejected, "ratio")).contains("must be a number, got lots");

        rejected = manager.post("/escalations/new", form("", catalog.slug(), "1.5", "MAIL", "nobody"));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(errorsOf(rejected, "name")).contains("is required");
        assertThat(errorsOf(rejected, "ratio")).contains("must be above 0 and at most 1, got 1.5");
        assertThat(errorsOf(rejected, "target")).isNotBlank();
        assertThat(rejected.body()).contains("id=\"ratio\"", "aria-invalid=\"true\"", "value=\"1.5\"");

        Map<String, String> unknownClient = form(unique("rule"), "no-such-client", "1", "CHAT", "https://c.example");
        rejected = manager.post("/escalations/new", unknownClient);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(errorsOf(rejected, "client")).contains("unknown client");

        PageClient gestionnaire = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "fr");
        gestionnaire.get("/escalations/new");
        Page refuse = gestionnaire.post("/escalations/new", form("", catalog.slug(), "1", "CHAT", "https://c.example"));
        assertThat(refuse.body()).contains("Nouvelle règle");
        assertThat(errorsOf(refuse, "name")).isNotBlank();
    }

    @Test
    void aDeadDeliveryIsPutBackInLineFromItsPage() {
        TestCatalog catalog = TestCatalog.create(api());
        Delivery dead = deadDelivery(catalog);
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");

        Page page = manager.get("/deliveries");
        assertThat(page.status()).isEqualTo(200);
        String row = row(page, dead.id());
        assertThat(row)
                .contains(
                        "Dead", ">" + Retries.MAX_ATTEMPTS + "<", "HTTP 503 Service Unavailable", "retry-" + dead.id());

        Page retried = manager.post("/deliveries/" + dead.id() + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        Delivery again = deliveries.find(dead.id()).orElseThrow();
        assertThat(again.state()).isEqualTo(Delivery.State.PENDING);
        assertThat(again.nextAttemptAt()).isBeforeOrEqualTo(clock.instant());
        page = manager.get("/deliveries");
        assertThat(page.body()).contains("Delivery put back in line").doesNotContain("data-delivery=\"" + dead.id());
        assertThat(row(manager.get("/deliveries?state=PENDING"), dead.id())).contains("Pending");

        // Retrying it again is the API's conflict, shown on the page.
        Page conflict = manager.post("/deliveries/" + dead.id() + "/retry", Map.of());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("only a dead delivery can be retried");
    }

    @Test
    void aTechnicianIsKeptOutAsByTheApiAndEveryFormNeedsItsToken() {
        TestCatalog catalog = TestCatalog.create(api());
        Delivery dead = deadDelivery(catalog);
        PageClient technician = PageClient.signIn(port, createUser("TECHNICIAN"), PASSWORD, "en");
        for (String path :
                List.of("/escalations", "/escalations/new", "/escalations/" + dead.ruleId(), "/deliveries")) {
            assertThat(technician.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(technician.get("/queue").body()).doesNotContain("href=\"/escalations\"");
        technician.get("/queue");
        assertThat(technician
                        .post("/deliveries/" + dead.id() + "/retry", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(technician
                        .post("/escalations/" + dead.ruleId() + "/retire", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(deliveries.find(dead.id()).orElseThrow().state()).isEqualTo(Delivery.State.DEAD);

        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        assertThat(manager.get("/dashboard").body()).contains("href=\"/escalations\"");
        assertThat(manager.postWithoutToken("/deliveries/" + dead.id() + "/retry", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(deliveries.find(dead.id()).orElseThrow().state()).isEqualTo(Delivery.State.DEAD);
        assertThat(manager.get("/deliveries").body()).contains("name=\"_csrf\"");
    }

    @Test
    void aManagerWritesARuleThenRetriesADeadDeliveryInTheBrowser() throws Exception {
        TestCatalog catalog = TestCatalog.create(api());
        Delivery dead = deadDelivery(catalog);
        try (Browser opened = Browser.open(Duration.ofSeconds(5), "en")) {
            WebDriver browser = opened.driver();
            browser.get(url("/login"));
            opened.signIn(createUser("MANAGER"), PASSWORD);
            browser.get(url("/escalations"));
            assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]"))
                            .getText())
                    .isEqualTo("Escalations");
            assertAccessible(opened);
            opened.submit(By.id("new-rule"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New rule");

            choose(browser, "client", catalog.slug());
            choose(browser, "action", "MAIL");
            type(browser, "ratio", "0,9");
            type(browser, "target", "nobody");
            opened.submit(By.id("save-rule"));
            assertThat(browser.findElement(By.id("name-errors")).getText()).isEqualTo("is required");
            assertThat(browser.findElement(By.id("target")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertAccessible(opened);
            opened.screenshot(Path.of("target/screenshots/escalation-form-errors.png"));

            type(browser, "name", "Warn the service desk");
            type(browser, "target", "team, servicedesk@msp.example");
            opened.submit(By.id("save-rule"));
            assertThat(browser.findElement(By.id("rule-name")).getText()).isEqualTo("Warn the service desk");
            assertThat(browser.findElement(By.id("versions")).getText()).contains("at 90% of the target", "Mail");
            assertAccessible(opened);

            opened.submit(By.linkText("All escalation rules"));
            assertThat(browser.findElement(By.id("rules")).getText()).contains("Warn the service desk");
            opened.screenshot(Path.of("target/screenshots/escalations.png"));
            opened.submit(By.id("deliveries-link"));
            WebElement row = browser.findElement(By.cssSelector("tr[data-delivery='" + dead.id() + "']"));
            assertThat(row.getText()).contains("Dead", "HTTP 503 Service Unavailable");
            assertAccessible(opened);
            opened.screenshot(Path.of("target/screenshots/deliveries.png"));
            opened.submit(By.id("retry-" + dead.id()));
            assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo("Delivery put back in line: it is sent again now.");
            assertThat(deliveries.find(dead.id()).orElseThrow().state()).isEqualTo(Delivery.State.PENDING);
            assertAccessible(opened);

            // The same manager's other outgoing mail: the client's report schedule, from the navigation.
            opened.submit(By.linkText("Report mail"));
            assertThat(browser.findElement(By.id("schedules")).getText()).contains("Acme", "not scheduled");
            assertAccessible(opened);
            opened.submit(By.cssSelector("tr[data-client='" + catalog.slug() + "'] a"));
            browser.findElement(By.id("monthly")).click();
            opened.submit(By.id("save-schedule"));
            assertThat(browser.findElement(By.id("cadence")).getText()).startsWith("every month");
            assertAccessible(opened);
            opened.screenshot(Path.of("target/screenshots/report-schedule.png"));
        }
    }

    /** A delivery that failed its every attempt, owed by a rule of the catalog's client for a ticket. */
    private Delivery deadDelivery(TestCatalog catalog) {
        var created = api().post("/api/v1/escalations", """
                {"name": "%s", "client": "%s", "ratio": 0.75, "action": "WEBHOOK", "target": "https://psa.example/in"}""".formatted(unique("flaky"), catalog.slug()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        EscalationRule rule = escalations
                .versions(UUID.fromString(created.json().get("id").asString()))
                .get(0);
        var ticket = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P2", "subject": "Printer"}""".formatted(catalog.slug()));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        Delivery owed = Delivery.owed(
                rule, unique("key"), UUID.fromString(ticket.json().get("id").asString()), null, "{}", clock.instant());
        deliveries.add(owed);
        deliveries.failed(owed.id(), Retries.MAX_ATTEMPTS, null, "HTTP 503 Service Unavailable");
        return owed;
    }

    private JsonNode rule(String id) {
        for (JsonNode rule : api().get("/api/v1/escalations").json()) {
            if (rule.get("id").asString().equals(id)) {
                return rule;
            }
        }
        return null;
    }

    private static Map<String, String> form(String name, String client, String ratio, String action, String target) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("firesOn", "THRESHOLD");
        form.put("tierId", "");
        form.put("priority", "");
        form.put("metric", "");
        form.put("client", client);
        form.put("ratio", ratio);
        form.put("beforeDue", "");
        form.put("action", action);
        form.put("target", target);
        form.put("secret", "");
        return form;
    }

    /** The text of the errors shown under a field. */
    private static String errorsOf(Page page, String field) {
        String marker = "id=\"" + field + "-errors\"";
        int at = page.body().indexOf(marker);
        assertThat(at).as("errors shown under " + field + " in " + page.body()).isPositive();
        return page.body().substring(at, page.body().indexOf("</ul>", at));
    }

    private static String row(Page page, UUID delivery) {
        String marker = "data-delivery=\"" + delivery + "\"";
        int at = page.body().indexOf(marker);
        assertThat(at).as("a row for " + delivery + " in " + page.body()).isPositive();
        return page.body().substring(at, page.body().indexOf("</tr>", at));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void choose(WebDriver browser, String field, String value) {
        browser.findElement(By.cssSelector("#" + field + " option[value='" + value + "']"))
                .click();
    }

    private static void type(WebDriver browser, String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private static void assertAccessible(Browser opened) {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on "
                        + opened.driver().getCurrentUrl())
                .isEmpty();
    }

    private String createUser(String role) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }
}
