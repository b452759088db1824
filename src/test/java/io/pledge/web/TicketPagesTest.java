package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.PageClient;
import io.pledge.support.TestCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A technician works a ticket from the queue in a real browser, in English and in French: the queue by time
 * to breach with its countdowns, keyboard moves, assign to me, a public reply that stops the first response,
 * an internal note kept apart, a wait on the customer that pauses the
 * resolution clock and a resolution that stops it (as the API tells them), a wait on the customer from the
 * queue's quick actions; a client's contact sees
 * only its client's tickets and never an internal note. Every page is checked with axe-core.
 */
class TicketPagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "ticket-pages-password-1";

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
    void aTechnicianWorksATicketFromTheQueue() {
        // Pledge's clock three hours ahead of the browser's: the countdowns follow Pledge's.
        ((MutableClock) clock).advance(Duration.ofHours(3));
        TestCatalog catalog = TestCatalog.create(api());
        String breached = openTicket(catalog.slug(), "P1", "Mail is down", Duration.ofHours(1));
        String ticket = openTicket(catalog.slug(), "P2", "Printer jams", Duration.ofMinutes(5));
        String technician = createTechnicianUser();

        signIn(technician, "en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        assertThat(browser.findElement(By.id("queue-keys")).getText()).contains("j or");

        // Filtered to the client: the breached ticket first, red and overdue, then the P2 with its countdown.
        choose(browser.findElement(By.id("priority")), "");
        browser.findElement(By.id("client")).sendKeys(catalog.slug());
        submit(By.id("apply-filters"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#queue tbody tr[data-ticket]"));
        assertThat(rows).extracting(row -> row.getAttribute("data-ticket")).containsExactly(breached, ticket);
        assertThat(rows.get(0).getAttribute("class")).contains("overdue");
        WebElement countdown = browser.findElement(By.cssSelector("#ticket-" + ticket + " time.countdown"));
        assertThat(countdown.getAttribute("class")).doesNotContain("overdue");
        String first = countdown.getText();
        assertThat(first).matches("0?0:5\\d:\\d\\d");
        String redCountdown = browser.findElement(By.cssSelector("#ticket-" + breached + " time.countdown"))
                .getCssValue("color");
        assertThat(redCountdown).isEqualTo("rgba(164, 22, 26, 1)");
        sleep(Duration.ofMillis(1500));
        assertThat(countdown.getText()).as("the countdown ticks").isNotEqualTo(first);
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/queue.png"));

        // Keyboard: j moves to the first ticket, j again to the second, Enter opens it.
        browser.findElement(By.tagName("h1")).click();
        browser.findElement(By.tagName("body")).sendKeys("j");
        browser.switchTo().activeElement().sendKeys("j");
        assertThat(browser.findElement(By.cssSelector("#queue tr.selected")).getAttribute("data-ticket"))
                .isEqualTo(ticket);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitForUrl("/tickets/" + ticket);

        // Assign to me, a public reply: the first response stops, met.
        submit(By.id("assign-me"));
        assertThat(browser.findElement(By.id("assignee")).getText()).isEqualTo("Tess Tech");
        browser.findElement(By.id("body")).sendKeys("We are on it.");
        submit(By.id("send-reply"));
        assertThat(clockState("FIRST_RESPONSE")).isEqualTo("MET");

        // An internal note, kept apart from the public conversation.
        browser.findElement(By.id("body")).sendKeys("Toner supplier called.");
        browser.findElement(By.id("visibility-internal")).click();
        submit(By.id("send-reply"));
        assertThat(browser.findElements(By.cssSelector("#conversation .message.internal")))
                .singleElement()
                .extracting(WebElement::getText)
                .asString()
                .containsIgnoringCase("internal")
                .contains("Toner supplier called.");

        // Waiting on the customer pauses the resolution clock, as the API tells it.
        choose(browser.findElement(By.id("new-status")), "WAITING_ON_CUSTOMER");
        submit(By.id("change-status"));
        assertThat(clockState("RESOLUTION")).isEqualTo("PAUSED");
        assertThat(apiClockState(ticket, "RESOLUTION")).isEqualTo("PAUSED");
        assertAccessible();

        // Resolved: the clock stops, met, on the page as in the API.
        submit(By.id("resolve"));
        assertThat(clockState("RESOLUTION")).isEqualTo("MET");
        assertThat(apiClockState(ticket, "RESOLUTION")).isEqualTo("MET");
        assertThat(opened.findNow(By.id("resolve")))
                .as("nothing left to resolve")
                .isEmpty();
        assertAccessible();
    }

    private void submit(By button) {
        opened.submit(button);
    }

    private String apiClockState(String ticket, String metric) {
        for (JsonNode clock :
                api().get("/api/v1/tickets/" + ticket + "/sla").json().get("clocks")) {
            if (clock.get("metric").asString().equals(metric)) {
                return clock.get("state").asString();
            }
        }
        throw new AssertionError("no " + metric + " clock on ticket " + ticket);
    }

    @Test
    void unTechnicienTraiteUnTicketEnFrancais() {
        TestCatalog catalog = TestCatalog.create(api());
        String ticket = openTicket(catalog.slug(), "P2", "Imprimante bloquée", Duration.ofMinutes(5));
        String technician = createTechnicianUser();

        signIn(technician, "fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("File d’attente");
        browser.findElement(By.id("client")).sendKeys(catalog.slug());
        submit(By.id("apply-filters"));
        WebElement row = browser.findElement(By.id("ticket-" + ticket));
        opened.submit(row.findElement(By.cssSelector("button.assign-me")));
        row = browser.findElement(By.id("ticket-" + ticket));
        assertThat(row.getText()).contains("Tess Tech");
        assertAccessible();
        opened.screenshot(Path.of("target/screenshots/queue-fr.png"));

        // A quick action from the queue: waiting on the customer.
        row.findElement(By.tagName("summary")).click();
        choose(row.findElement(By.cssSelector(".quick-status select")), "WAITING_ON_CUSTOMER");
        opened.submit(row.findElement(By.cssSelector(".quick-status button")));
        row = browser.findElement(By.id("ticket-" + ticket));
        // The first response still runs: waiting on the customer pauses the resolution clock only.
        assertThat(row.getText()).contains("En attente du client", "Première réponse");
    }

    @Test
    void aClientsContactSeesOnlyItsTicketsAndNoInternalNote() {
        TestCatalog mine = TestCatalog.create(api());
        TestCatalog other = TestCatalog.create(api());
        String ticket = openTicket(mine.slug(), "P2", "Our VPN is slow", Duration.ofMinutes(5));
        String theirs = openTicket(other.slug(), "P2", "Their secret ticket", Duration.ofMinutes(5));
        record(ticket, "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"body\": \"Looking now.\"}");
        record(ticket, "{\"type\": \"NOTE\", \"body\": \"Client is on the cheap tier, do not escalate.\"}");
        String contact = unique("contact") + "@client.example";
        var created = api().post("/api/v1/users", """
                {"email": "%s", "password": "%s", "role": "CLIENT", "client": "%s"}""".formatted(contact, PASSWORD, mine.slug()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        signIn(contact, "en");
        assertThat(opened.findNow(By.id("client"))).as("no client filter").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#queue tbody tr[data-ticket]")))
                .extracting(row -> row.getAttribute("data-ticket"))
                .containsExactly(ticket);
        assertThat(browser.getPageSource()).doesNotContain("Their secret ticket");
        assertAccessible();

        submit(By.cssSelector("a.open-ticket"));
        assertThat(browser.findElement(By.id("conversation")).getText())
                .contains("Looking now.")
                .doesNotContain("cheap tier");
        assertThat(browser.getPageSource()).doesNotContain("cheap tier");
        assertThat(opened.findNow(By.id("visibility-internal"))).isEmpty();
        assertThat(opened.findNow(By.id("resolve"))).isEmpty();
        browser.findElement(By.id("body")).sendKeys("Thanks!");
        submit(By.id("send-reply"));
        assertThat(browser.findElement(By.id("conversation")).getText()).contains("Thanks!");
        assertAccessible();

        // Another client's ticket is not found, its page as its queue.
        browser.get("http://localhost:" + port + "/tickets/" + theirs);
        assertThat(browser.getPageSource()).doesNotContain("Their secret ticket");
        Api asContact = Api.at(port).withPassword(contact, PASSWORD);
        assertThat(asContact.get("/tickets/" + theirs).status()).isEqualTo(404);
        assertThat(asContact.get("/queue?client=" + other.slug()).status()).isEqualTo(400);
    }

    @Test
    void thePolledRowsAreAnswered304WhileUnchanged() {
        TestCatalog catalog = TestCatalog.create(api());
        openTicket(catalog.slug(), "P2", "Polled", Duration.ofMinutes(5));
        String technician = createTechnicianUser();
        signIn(technician, "en");

        @SuppressWarnings("unchecked")
        Map<String, Object> polls =
                (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const url = '/queue/rows?client=%s';
                fetch(url, {cache: 'no-store'}).then(first => {
                  const etag = first.headers.get('ETag');
                  return fetch(url, {cache: 'no-store', headers: {'If-None-Match': etag}})
                      .then(second => done({first: first.status, second: second.status}));
                }).catch(error => done({error: String(error)}));
                """.formatted(catalog.slug()));
        assertThat(polls).containsEntry("first", 200L).containsEntry("second", 304L);
    }

    @Test
    void anEmptyReplyIsRefusedNextToItsFieldAndRecordsNothing() {
        TestCatalog catalog = TestCatalog.create(api());
        String ticket = openTicket(catalog.slug(), "P2", "Nobody answered", Duration.ofMinutes(5));
        PageClient technician = PageClient.signIn(port, createTechnicianUser(), PASSWORD, "en");
        technician.get("/tickets/" + ticket);

        PageClient.Page refused =
                technician.post("/tickets/" + ticket + "/reply", Map.of("body", "   ", "visibility", "public"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"body-errors\"", "is required");
        assertThat(api().get("/api/v1/tickets/" + ticket + "/events").json().size())
                .as("only the ticket's creation")
                .isEqualTo(1);
        assertThat(apiClockState(ticket, "FIRST_RESPONSE")).isEqualTo("RUNNING");
    }

    /** Picks the option of {@code value} in a select. */
    private static void choose(WebElement select, String value) {
        select.findElement(By.cssSelector("option[value='" + value + "']")).click();
    }

    private String clockState(String metric) {
        return browser.findElement(By.id("clock-" + metric)).getAttribute("data-state");
    }

    private String openTicket(String client, String priority, String subject, Duration ago) {
        Instant createdAt = clock.instant().minus(ago);
        var created = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "%s", "service": "ERP", "subject": "%s", "createdAt": "%s"}""".formatted(client, priority, subject, createdAt));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void record(String ticket, String event) {
        var recorded = api().post("/api/v1/tickets/" + ticket + "/events", event);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    /** A TECHNICIAN user and the technician of the same address, "Tess Tech". */
    private String createTechnicianUser() {
        String email = unique("tess") + "@msp.example";
        var user = api().post("/api/v1/users", """
                {"email": "%s", "password": "%s", "role": "TECHNICIAN"}""".formatted(email, PASSWORD));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        var technician = api().post("/api/v1/technicians", """
                {"name": "Tess Tech", "email": "%s"}""".formatted(email.toUpperCase()));
        assertThat(technician.status()).as(technician.toString()).isEqualTo(201);
        return email;
    }

    private void signIn(String email, String language) {
        opened = Browser.open(Duration.ofSeconds(5), language);
        browser = opened.driver();
        browser.get("http://localhost:" + port + "/login");
        opened.signIn(email, PASSWORD);
        browser.get("http://localhost:" + port + "/queue");
    }

    private void waitForUrl(String ending) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!browser.getCurrentUrl().endsWith(ending) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        assertThat(browser.getCurrentUrl()).endsWith(ending);
    }

    private void assertAccessible() {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
