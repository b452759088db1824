package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.pledge.audit.AuditChains;
import io.pledge.audit.AuditEntry;
import io.pledge.audit.AuditLog;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reports mailed on schedule, through a real SMTP server in the process (GreenMail): once per client and
 * period with the QBR pack attached, its SHA-256 in the client's audit chain and the PDF kept as sent;
 * retried after the server failed, dead after the last attempt and retried through the API; resent as a
 * new edition; previewed without sending; listed and downloaded by a client's contact for its own client
 * only. Schedules and mail are driven by hand on a moved clock. Run on H2 and PostgreSQL.
 */
public abstract class ReportDeliveryContract extends DatabaseIntegrationTest {

    /** The SMTP port the test profile sends mail to ({@code pledge.mail.port} in application-test.yml). */
    static final int MAIL_PORT = 13025;

    /** A UTC client's October 2026 report, three days after close, is due at 06:00 UTC on 4 November. */
    static final Instant OCTOBER_DUE = Instant.parse("2026-11-04T06:00:00Z");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    @Autowired
    ScheduledReports reports;

    @Autowired
    ReportDeliveries deliveries;

    @Autowired
    AuditChains chains;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** The shared clock as this test found it: other tests move it forward from there. */
    private Instant found;

    @BeforeEach
    void beforeOctobersReportIsDue() {
        found = clock.instant();
        clock.set(Instant.parse("2026-11-03T12:00:00Z"));
    }

    @AfterEach
    void clockAsFound() {
        // Back to where it was, never behind it: rate limits and gap windows count from the clock.
        clock.set(found);
    }

    @Test
    void theMonthlyReportIsMailedOnceToTheReportContactsWithThePackAndItsHashAudited() throws Exception {
        TestCatalog client = TestCatalog.create(api());
        String name = "Hôtel Boréal " + unique("SA");
        String contact = unique("claire") + "@boreal.example";
        String technician = unique("tech") + "@boreal.example";
        setClient(client, name, "fr", """
                [{"name": "Claire", "email": "%s", "reports": true},
                 {"name": "Tech", "email": "%s", "phone": "+33 1 00 00 00 00"}]""".formatted(contact, technician));
        Response schedule = api().put(
                        schedulePath(client),
                        "{\"monthly\": true, \"daysAfterClose\": 3, \"startsOn\": \"2026-10-01\"}");
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(200);
        assertThat(schedule.json().get("nextMonth").get("period").asString()).isEqualTo("2026-10");
        assertThat(schedule.json().get("nextMonth").get("dueAt").asString()).isEqualTo(OCTOBER_DUE.toString());
        assertThat(schedule.json().has("nextQuarter")).isFalse();
        assertThat(texts(schedule.json().get("recipients"))).containsExactly(contact);

        clock.set(OCTOBER_DUE.minusSeconds(1));
        run();
        assertThat(mailsTo(contact)).isEmpty();
        assertThat(api().get("/api/v1/reports/deliveries?client=" + client.slug())
                        .json())
                .isEmpty();

        clock.set(OCTOBER_DUE);
        run();
        run();
        clock.advance(Duration.ofHours(1));
        run();

        List<MimeMessage> received = mailsTo(contact);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(addresses(message.getAllRecipients())).containsExactly(contact);
        assertThat(mailsTo(technician)).isEmpty();
        assertThat(message.getSubject()).contains(name).contains("octobre 2026");
        byte[] attachment = pdfAttachment(message);
        try (PDDocument pdf = Loader.loadPDF(attachment)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
            assertThat(text).contains(name).contains("du 1 octobre 2026 au 31 octobre 2026");
        }

        JsonNode list =
                api().get("/api/v1/reports/deliveries?client=" + client.slug()).json();
        assertThat(list).hasSize(1);
        JsonNode delivery = list.get(0);
        String id = delivery.get("id").asString();
        assertThat(delivery.get("period").asString()).isEqualTo("2026-10");
        assertThat(delivery.get("edition").asInt()).isEqualTo(1);
        assertThat(delivery.get("state").asString()).isEqualTo("SENT");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("sentAt").asString()).isEqualTo(OCTOBER_DUE.toString());
        assertThat(delivery.get("requestedBy").asString()).isEqualTo("schedule");
        assertThat(delivery.get("pdfSha256").asString()).isEqualTo(ScheduledReports.sha256(attachment));
        assertThat(delivery.get("pdfSize").asInt()).isEqualTo(attachment.length);
        assertThat(delivery.get("messageId").asString()).isEqualTo("<report-" + id + "@pledge>");
        assertThat(message.getMessageID()).isEqualTo("<report-" + id + "@pledge>");
        assertThat(download(delivery.get("pdf").asString(), BOOTSTRAP_TOKEN).body())
                .isEqualTo(attachment);

        List<AuditEntry> sent = audited(client, "report.sent");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).subject()).isEqualTo("report-delivery/" + id);
        assertThat(sent.get(0).details())
                .contains("pdf-sha256=" + ScheduledReports.sha256(attachment))
                .contains("pdf-size=" + attachment.length)
                .contains("to=" + contact)
                .contains("period=2026-10");
        assertThat(audited(client, "report.schedule")).hasSize(1);

        JsonNode next = api().get(schedulePath(client)).json().get("nextMonth");
        assertThat(next.get("period").asString()).isEqualTo("2026-11");
        assertThat(next.get("dueAt").asString()).isEqualTo("2026-12-04T06:00:00Z");
    }

    @Test
    void aMonthlyAndQuarterlyScheduleSendsEachPeriodItOwesOnce() throws Exception {
        TestCatalog client = TestCatalog.create(api());
        String contact = unique("ops") + "@acme.example";
        setClient(
                client, "Acme", "en", "[{\"name\": \"Ops\", \"email\": \"%s\", \"reports\": true}]".formatted(contact));
        assertThat(api().put(
                                schedulePath(client),
                                "{\"monthly\": true, \"quarterly\": true, \"daysAfterClose\": 0, \"startsOn\":"
                                        + " \"2026-08-20\"}")
                        .status())
                .isEqualTo(200);

        // On 1 November at 06:00 UTC: August, September, October and the third quarter are all owed.
        clock.set(Instant.parse("2026-11-01T06:00:00Z"));
        run();
        run();

        List<MimeMessage> received = mailsTo(contact);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : received) {
            subjects.add(message.getSubject());
        }
        assertThat(subjects)
                .containsExactlyInAnyOrder(
                        "Pledge: service report for Acme, August 2026",
                        "Pledge: service report for Acme, September 2026",
                        "Pledge: service report for Acme, October 2026",
                        "Pledge: service report for Acme, Q3 2026");
        assertThat(texts(
                        api().get("/api/v1/reports/deliveries?client=" + client.slug())
                                .json(),
                        "period"))
                .containsExactlyInAnyOrder("2026-08", "2026-09", "2026-10", "2026-Q3");
        JsonNode schedule = api().get(schedulePath(client)).json();
        assertThat(schedule.get("nextMonth").get("period").asString()).isEqualTo("2026-11");
        assertThat(schedule.get("nextQuarter").get("period").asString()).isEqualTo("2026-Q4");
        assertThat(schedule.get("nextQuarter").get("dueAt").asString()).isEqualTo("2027-01-01T06:00:00Z");

        // Setting the schedule again from the same day owes nothing already sent.
        assertThat(api().put(
                                schedulePath(client),
                                "{\"monthly\": true, \"quarterly\": true, \"daysAfterClose\": 0, \"startsOn\":"
                                        + " \"2026-08-20\"}")
                        .status())
                .isEqualTo(200);
        run();
        assertThat(mailsTo(contact)).hasSize(4);
    }

    @Test
    void aFailedAttemptIsRetriedWithBackoffADeadOneThroughTheApiAndAResendIsANewEdition() throws Exception {
        TestCatalog client = TestCatalog.create(api());
        String contact = unique("it") + "@acme.example";
        setClient(
                client, "Acme", "en", "[{\"name\": \"IT\", \"email\": \"%s\", \"reports\": true}]".formatted(contact));
        api().put(schedulePath(client), "{\"monthly\": true, \"daysAfterClose\": 3, \"startsOn\": \"2026-10-01\"}");

        mail.stop();
        clock.set(OCTOBER_DUE);
        run();
        JsonNode pending = only(client);
        assertThat(pending.get("state").asString()).isEqualTo("PENDING");
        assertThat(pending.get("attempts").asInt()).isEqualTo(1);
        assertThat(pending.get("lastError").asString()).startsWith("mail server 127.0.0.1:" + MAIL_PORT + ": ");
        assertThat(pending.get("nextAttemptAt").asString())
                .isEqualTo(OCTOBER_DUE.plusSeconds(10).toString());
        run();
        assertThat(only(client).get("attempts").asInt()).as("not due again yet").isEqualTo(1);
        // 10 s, 20 s, 40 s, 80 s, 160 s: the sixth attempt is the last.
        for (long wait : new long[] {10, 20, 40, 80, 160}) {
            clock.advance(Duration.ofSeconds(wait));
            run();
        }
        JsonNode dead = only(client);
        assertThat(dead.get("state").asString()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(6);
        assertThat(dead.has("nextAttemptAt")).isFalse();
        assertThat(audited(client, "report.sent")).isEmpty();
        assertThat(texts(
                        api().get("/api/v1/reports/deliveries?state=dead&limit=500")
                                .json(),
                        "id"))
                .contains(dead.get("id").asString());
        assertThat(api().get("/api/v1/reports/deliveries?client=" + client.slug() + "&state=SENT")
                        .json())
                .isEmpty();
        Response badState = api().get("/api/v1/reports/deliveries?state=LOST");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().findValuesAsString("field")).containsExactly("state");

        mail.start();
        String id = dead.get("id").asString();
        Response retried = api().post("/api/v1/reports/deliveries/" + id + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.json().get("state").asString()).isEqualTo("PENDING");
        assertThat(api().post("/api/v1/reports/deliveries/" + id + "/retry", "").status())
                .as("only a dead delivery is retried")
                .isEqualTo(409);
        run();
        JsonNode sent = only(client);
        assertThat(sent.get("state").asString()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(7);
        assertThat(mailsTo(contact)).hasSize(1);

        clock.advance(Duration.ofDays(2));
        Response resend = api().post("/api/v1/reports/deliveries/" + id + "/resend", "");
        assertThat(resend.status()).as(resend.toString()).isEqualTo(202);
        assertThat(resend.json().get("edition").asInt()).isEqualTo(2);
        assertThat(resend.json().get("requestedBy").asString()).isNotEqualTo("schedule");
        run();
        List<MimeMessage> received = mailsTo(contact);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).getMessageID())
                .isEqualTo("<report-" + resend.json().get("id").asString() + "@pledge>")
                .isNotEqualTo(received.get(0).getMessageID());
        assertThat(received.get(1).getHeader("X-Pledge-Report-Edition")).containsExactly("2");
        assertThat(audited(client, "report.retry")).hasSize(1);
        assertThat(audited(client, "report.resend")).hasSize(1);
        List<AuditEntry> sentEntries = audited(client, "report.sent");
        assertThat(sentEntries).hasSize(2);
        assertThat(sentEntries.get(1).details())
                .contains("edition=2")
                .contains("pdf-sha256=" + ScheduledReports.sha256(pdfAttachment(received.get(1))));
        assertThat(api().post("/api/v1/reports/deliveries/" + UUID.randomUUID() + "/resend", "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aClientsContactListsAndDownloadsItsOwnClientsSentReportsOnly() throws Exception {
        TestCatalog mine = TestCatalog.create(api());
        TestCatalog other = TestCatalog.create(api());
        String myContact = unique("mine") + "@acme.example";
        String otherContact = unique("other") + "@globex.example";
        setClient(mine, "Acme", "en", "[{\"name\": \"A\", \"email\": \"%s\", \"reports\": true}]".formatted(myContact));
        setClient(
                other,
                "Globex",
                "en",
                "[{\"name\": \"B\", \"email\": \"%s\", \"reports\": true}]".formatted(otherContact));
        for (TestCatalog client : List.of(mine, other)) {
            api().put(schedulePath(client), "{\"monthly\": true, \"daysAfterClose\": 3, \"startsOn\": \"2026-10-01\"}");
        }
        clock.set(OCTOBER_DUE);
        run();
        assertThat(mailsTo(myContact)).hasSize(1);
        assertThat(mailsTo(otherContact)).hasSize(1);
        String otherId = only(other).get("id").asString();
        String token = clientToken(mine);
        Api portal = Api.at(port).withToken(token);

        JsonNode listed = portal.get("/api/v1/reports/deliveries").json();
        assertThat(listed).hasSize(1);
        JsonNode own = listed.get(0);
        assertThat(own.get("client").asString()).isEqualTo(mine.clientId());
        assertThat(own.has("lastError")).isFalse();
        assertThat(own.has("requestedBy")).isFalse();
        assertThat(own.has("attempts")).isFalse();
        assertThat(own.get("pdfSha256").asString()).hasSize(64);
        HttpResponse<byte[]> pdf = download(own.get("pdf").asString(), token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(ScheduledReports.sha256(pdf.body()))
                .isEqualTo(own.get("pdfSha256").asString());
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("qbr-" + mine.slug() + "-2026-10.pdf");

        assertThat(portal.get("/api/v1/reports/deliveries?client=" + other.slug())
                        .status())
                .isEqualTo(404);
        assertThat(portal.get("/api/v1/reports/deliveries/" + otherId).status()).isEqualTo(404);
        assertThat(download("/api/v1/reports/deliveries/" + otherId + "/pdf", token)
                        .statusCode())
                .isEqualTo(404);
        assertThat(portal.post("/api/v1/reports/deliveries/" + own.get("id").asString() + "/resend", "")
                        .status())
                .isEqualTo(403);
        assertThat(portal.get(schedulePath(mine)).status()).isEqualTo(403);
        assertThat(portal.get(schedulePath(mine) + "/preview?period=2026-10").status())
                .isEqualTo(403);
        assertThat(portal.put(schedulePath(mine), "{\"monthly\": false, \"enabled\": false}")
                        .status())
                .isEqualTo(403);

        // Staff see every client's, with the bookkeeping.
        assertThat(api().get("/api/v1/reports/deliveries/" + otherId).json().has("requestedBy"))
                .isTrue();
    }

    @Test
    void aClientWithoutReportContactsGetsNoMailAndTheDeliverySaysWhy() throws Exception {
        TestCatalog client = TestCatalog.create(api());
        String contact = unique("desk") + "@acme.example";
        setClient(client, "Acme", "en", "[{\"name\": \"Desk\", \"email\": \"%s\"}]".formatted(contact));
        api().put(schedulePath(client), "{\"quarterly\": true, \"startsOn\": \"2026-07-01\"}");
        clock.set(Instant.parse("2026-10-04T06:00:00Z"));
        run();
        JsonNode owed = only(client);
        assertThat(owed.get("period").asString()).isEqualTo("2026-Q3");
        assertThat(owed.get("state").asString()).isEqualTo("PENDING");
        assertThat(owed.get("lastError").asString())
                .isEqualTo("no recipient: the client has no report contact with an email address");
        assertThat(mailsTo(contact)).isEmpty();
        // Leave nothing due behind for the other tests.
        inTransaction(() -> {
            deliveries.failed(UUID.fromString(owed.get("id").asString()), 6, null, "test");
            return null;
        });
    }

    @Test
    void aPreviewRendersWhatWouldBeSentWithoutSendingIt() throws Exception {
        TestCatalog client = TestCatalog.create(api());
        String contact = unique("cfo") + "@acme.example";
        setClient(
                client, "Acme", "en", "[{\"name\": \"CFO\", \"email\": \"%s\", \"reports\": true}]".formatted(contact));
        Response preview = api().get(schedulePath(client) + "/preview?period=2026-Q3");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(texts(preview.json().get("recipients"))).containsExactly(contact);
        assertThat(preview.json().get("subject").asString()).isEqualTo("Pledge: service report for Acme, Q3 2026");
        assertThat(preview.json().get("text").asString())
                .contains("(July 1, 2026 – September 30, 2026)")
                .contains("qbr-" + client.slug());
        assertThat(preview.json().get("fileName").asString()).isEqualTo("qbr-" + client.slug() + "-2026-Q3.pdf");
        assertThat(preview.json().get("pdfSize").asInt()).isGreaterThan(1000);
        assertThat(preview.json().get("pdfSha256").asString()).hasSize(64);
        run();
        assertThat(mailsTo(contact)).isEmpty();
        assertThat(api().get("/api/v1/reports/deliveries?client=" + client.slug())
                        .json())
                .isEmpty();
        Response missing = api().get(schedulePath(client) + "/preview");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().findValuesAsString("field")).containsExactly("period");
    }

    @Test
    void badSchedulesAndReportContactsAreRefusedNamingTheField() {
        TestCatalog client = TestCatalog.create(api());
        Response bad =
                api().put(schedulePath(client), "{\"monthly\": true, \"daysAfterClose\": 40, \"startsOn\": \"soon\"}");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().findValuesAsString("field")).containsExactlyInAnyOrder("daysAfterClose", "startsOn");
        Response nothing = api().put(schedulePath(client), "{\"daysAfterClose\": 3}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().findValuesAsString("field")).containsExactly("monthly");
        Response tooOld = api().put(schedulePath(client), "{\"quarterly\": true, \"startsOn\": \"2025-01-01\"}");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.json().findValuesAsString("field")).containsExactly("startsOn");
        assertThat(api().put("/api/v1/reports/schedules/" + unique("nobody"), "{\"monthly\": true}")
                        .status())
                .isEqualTo(404);
        Response off = api().put(schedulePath(client), "{\"enabled\": false}");
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().get("enabled").asBoolean()).isFalse();

        Response contact = api().put(
                        "/api/v1/clients/" + client.slug(),
                        "{\"name\": \"Acme\", \"slug\": \"%s\", \"zone\": \"UTC\", \"contacts\": [{\"name\": \"Ann\","
                                        .formatted(client.slug())
                                + " \"phone\": \"+1 555 0100\", \"reports\": true}]}");
        assertThat(contact.status()).as(contact.toString()).isEqualTo(400);
        assertThat(contact.json().findValuesAsString("field")).containsExactly("contacts[0].reports");
    }

    @Test
    void aClaimedDeliveryIsSkippedByAnotherSenderAndAnEditionIsStoredOnce() throws Exception {
        TestCatalog client = TestCatalog.create(api());
        UUID clientId = UUID.fromString(client.clientId());
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ReportDelivery owed = ReportDelivery.owed(clientId, "2026-10", 1, ReportDelivery.SCHEDULE, OCTOBER_DUE);
        assertThat(inTransaction(() -> deliveries.add(owed))).isTrue();
        ReportDelivery again = ReportDelivery.owed(clientId, "2026-10", 1, ReportDelivery.SCHEDULE, OCTOBER_DUE);
        assertThat(inTransaction(() -> deliveries.add(again))).isFalse();
        assertThat(inTransaction(() -> deliveries.nextEdition(clientId, "2026-10")))
                .isEqualTo(2);

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<ReportDelivery>> first = executor.submit(() -> transactions.execute(status -> {
                Optional<ReportDelivery> claimed = deliveries.claim(owed.id());
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return claimed;
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(inTransaction(() -> deliveries.claim(owed.id())))
                    .as("held by the other sender")
                    .isEmpty();
            assertThat(inTransaction(() -> deliveries.claim(OCTOBER_DUE.plusSeconds(1), 1000)))
                    .extracting(ReportDelivery::id)
                    .doesNotContain(owed.id());
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
        assertThat(inTransaction(() -> deliveries.claim(owed.id()))).isPresent();
        // A client's scope reaches only its own client's sent reports: this one is pending.
        assertThat(deliveries.find(owed.id(), io.pledge.core.Scope.client(clientId)))
                .isEmpty();
        assertThat(deliveries.find(owed.id(), io.pledge.core.Scope.everything()))
                .isPresent();
        // Leave nothing due behind for the other tests.
        transactions.executeWithoutResult(status -> deliveries.failed(owed.id(), 6, null, "test"));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    /** Plans due schedules and mails due reports, as each node's poller does. */
    private void run() {
        while (reports.planDue(20) + reports.sendDue(20) > 0) {
            // until nothing is due at this instant
        }
    }

    private void setClient(TestCatalog client, String name, String language, String contacts) {
        Response put = api().put(
                        "/api/v1/clients/" + client.slug(),
                        "{\"name\": \"%s\", \"slug\": \"%s\", \"zone\": \"UTC\", \"language\": \"%s\", \"contacts\": %s}"
                                .formatted(name, client.slug(), language, contacts));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private String clientToken(TestCatalog client) {
        Response token = api().post(
                        "/api/v1/tokens",
                        "{\"name\": \"%s\", \"role\": \"CLIENT\", \"client\": \"%s\"}"
                                .formatted(unique("portal"), client.slug()));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return token.json().get("secret").asString();
    }

    private JsonNode only(TestCatalog client) {
        JsonNode list =
                api().get("/api/v1/reports/deliveries?client=" + client.slug()).json();
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private List<AuditEntry> audited(TestCatalog client, String action) {
        return chains.entries(AuditLog.clientChain(UUID.fromString(client.clientId())), 1).stream()
                .filter(entry -> entry.action().equals(action))
                .toList();
    }

    private static String schedulePath(TestCatalog client) {
        return "/api/v1/reports/schedules/" + client.slug();
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (addresses(message.getAllRecipients()).contains(address) && !seen(to, message)) {
                to.add(message);
            }
        }
        return to;
    }

    /** GreenMail keeps one copy per recipient: a mail to two addresses is one mail. */
    private static boolean seen(List<MimeMessage> messages, MimeMessage message) throws Exception {
        for (MimeMessage each : messages) {
            if (each.getMessageID().equals(message.getMessageID())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Address::toString).toList();
    }

    static byte[] pdfAttachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("application/pdf")) {
                assertThat(part.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asString()));
        return texts;
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
