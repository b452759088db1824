package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pledge.support.Api;
import io.pledge.support.PledgeProcess;
import io.pledge.support.PostgresTestDatabase;
import io.pledge.support.TestCatalog;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Pledge processes on one PostgreSQL schema, each running the report scheduler every second, as two
 * nodes behind a load balancer, mailing to a real SMTP server (GreenMail): each client's report for each
 * period it is owed arrives exactly once; and a node killed while the mail server was down leaves its
 * deliveries to a node started after it, which sends each once.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class ReportDeliveryTwoNodesIT {

    private static final String TOKEN = "report-nodes-bootstrap-token-0123456789abcdef";

    @TempDir
    Path data;

    private final List<PledgeProcess> nodes = new ArrayList<>();
    private GreenMail smtp;
    private int smtpPort;
    private String schema;
    private String url;

    @BeforeEach
    void mailServerAndSchema() throws Exception {
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        schema = "pledge_reports_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String base = System.getenv(PostgresTestDatabase.URL_VARIABLE);
        url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void stop() throws Exception {
        for (PledgeProcess node : nodes) {
            if (node.isAlive()) {
                node.stop();
            }
        }
        smtp.stop();
        try (Connection connection = connect()) {
            connection.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void twoNodesRunningTheSchedulerMailEachClientsPeriodOnce() throws Exception {
        PledgeProcess a = node("a", smtpPort);
        PledgeProcess b = node("b", smtpPort);
        Api[] apis = {a.api().withToken(TOKEN), b.api().withToken(TOKEN)};
        Schedule schedule = Schedule.ofToday();
        Map<String, String> contacts = new HashMap<>();
        int clients = 6;
        for (int i = 0; i < clients; i++) {
            Api api = apis[i % 2];
            TestCatalog client = TestCatalog.create(api);
            String contact = "reports-" + i + "@client" + i + ".example";
            contacts.put(contact, client.slug());
            reportContact(api, client, "Client " + i, contact);
            // Both nodes take requests; the schedules are set through either.
            schedule.set(apis[(i + 1) % 2], client);
        }
        List<String> owed = schedule.owedPeriods(Instant.now());
        assertThat(owed).as("periods owed at once").hasSizeGreaterThanOrEqualTo(3);
        int expected = clients * owed.size();

        awaitDeliveries(expected);
        // Both nodes go on polling every second: nothing more arrives.
        Thread.sleep(4_000);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(expected);
        Map<String, TreeSet<String>> periodsByContact = new HashMap<>();
        TreeSet<String> messageIds = new TreeSet<>();
        for (MimeMessage message : received) {
            String to = message.getAllRecipients()[0].toString();
            byte[] pdf = ReportDeliveryContract.pdfAttachment(message);
            String file = attachmentName(message);
            String slug = contacts.get(to);
            assertThat(file).startsWith("qbr-" + slug + "-");
            assertThat(periodsByContact
                            .computeIfAbsent(to, key -> new TreeSet<>())
                            .add(file.substring(("qbr-" + slug + "-").length(), file.length() - ".pdf".length())))
                    .as("one mail per client and period: %s", file)
                    .isTrue();
            messageIds.add(message.getMessageID());
            if (to.startsWith("reports-0@")) {
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
                    assertThat(new PDFTextStripper().getText(document)).contains("Client 0");
                }
            }
        }
        assertThat(messageIds).hasSize(expected);
        assertThat(periodsByContact).hasSize(clients);
        periodsByContact.values().forEach(periods -> assertThat(periods).containsExactlyInAnyOrderElementsOf(owed));
        try (Connection connection = connect();
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("select count(*), count(*) filter (where state = 'SENT' and attempts = 1),"
                                + " count(distinct pdf_sha256) from " + schema + ".report_delivery")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(expected);
            assertThat(row.getInt(2)).as("each sent at its first attempt").isEqualTo(expected);
            assertThat(row.getInt(3)).isEqualTo(expected);
        }
        assertThat(auditedSends()).isEqualTo(expected);
        assertThat(a.output() + b.output()).doesNotContain("ERROR");
    }

    @Test
    void aNodeKilledWhileTheMailServerWasDownLeavesItsReportsToTheNextNode() throws Exception {
        int closed = freePort();
        PledgeProcess first = node("a", closed);
        Api api = first.api().withToken(TOKEN);
        Schedule schedule = Schedule.ofToday();
        TestCatalog client = TestCatalog.create(api);
        reportContact(api, client, "Survivor", "cfo@survivor.example");
        schedule.set(api, client);
        List<String> owed = schedule.owedPeriods(Instant.now());

        awaitFailedAttempts(owed.size());
        first.kill();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        PledgeProcess second = node("b", smtpPort);
        awaitDeliveries(owed.size());
        Thread.sleep(3_000);
        assertThat(smtp.getReceivedMessages()).hasSize(owed.size());
        try (Connection connection = connect();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("select period, state, attempts from " + schema + ".report_delivery")) {
            List<String> periods = new ArrayList<>();
            while (rows.next()) {
                periods.add(rows.getString("period"));
                assertThat(rows.getString("state")).isEqualTo("SENT");
                assertThat(rows.getInt("attempts"))
                        .as("failed on the first node, sent by the second")
                        .isGreaterThan(1);
            }
            assertThat(periods).containsExactlyInAnyOrderElementsOf(owed);
        }
        assertThat(second.output()).doesNotContain("ERROR");
    }

    /**
     * Monthly and quarterly from the first day of the month four months ago, in UTC: the months and any
     * quarter closed since are owed at once. Zero days after close, unless today is the first of a month
     * (then three), so that no period falls due while the test runs.
     */
    private record Schedule(LocalDate startsOn, int daysAfterClose) {

        static Schedule ofToday() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return new Schedule(today.minusMonths(4).withDayOfMonth(1), today.getDayOfMonth() == 1 ? 3 : 0);
        }

        void set(Api api, TestCatalog client) {
            Api.Response put = api.put(
                    "/api/v1/reports/schedules/" + client.slug(),
                    "{\"monthly\": true, \"quarterly\": true, \"daysAfterClose\": %d, \"startsOn\": \"%s\"}"
                            .formatted(daysAfterClose, startsOn));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
        }

        List<String> owedPeriods(Instant now) {
            List<String> owed = new ArrayList<>();
            for (ReportPeriod.Kind kind : List.of(ReportPeriod.Kind.MONTH, ReportPeriod.Kind.QUARTER)) {
                for (ReportPeriod period = ReportDueDates.holding(kind, startsOn);
                        !ReportDueDates.dueAt(period, ZoneOffset.UTC, daysAfterClose)
                                .isAfter(now);
                        period = ReportDueDates.following(period)) {
                    owed.add(period.label());
                }
            }
            return owed;
        }
    }

    private static void reportContact(Api api, TestCatalog client, String name, String email) {
        Api.Response put = api.put(
                "/api/v1/clients/" + client.slug(),
                "{\"name\": \"%s\", \"slug\": \"%s\", \"zone\": \"UTC\", \"contacts\": [{\"name\": \"Reports\","
                                .formatted(name, client.slug())
                        + " \"email\": \"%s\", \"reports\": true}]}".formatted(email));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private PledgeProcess node(String name, int mailPort) throws Exception {
        PledgeProcess node = PledgeProcess.start(
                data.resolve(name),
                Map.of(
                        "PLEDGE_DB_URL",
                        url,
                        "PLEDGE_DB_USER",
                        envOr("PLEDGE_TEST_POSTGRES_USER", "postgres"),
                        "PLEDGE_DB_PASSWORD",
                        envOr("PLEDGE_TEST_POSTGRES_PASSWORD", ""),
                        "SPRING_FLYWAY_SCHEMAS",
                        schema,
                        "SPRING_FLYWAY_DEFAULT_SCHEMA",
                        schema,
                        "PLEDGE_BOOTSTRAP_TOKEN",
                        TOKEN,
                        "PLEDGE_MAIL_HOST",
                        "127.0.0.1",
                        "PLEDGE_MAIL_PORT",
                        Integer.toString(mailPort),
                        "PLEDGE_REPORTS_INTERVAL",
                        "PT1S"));
        nodes.add(node);
        return node;
    }

    /** Waits until {@code count} report deliveries are sent and none is pending. */
    private void awaitDeliveries(int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = connect();
                    ResultSet row = connection
                            .createStatement()
                            .executeQuery("select count(*) filter (where state = 'SENT'), count(*) filter (where"
                                    + " state <> 'SENT') from " + schema + ".report_delivery")) {
                row.next();
                if (row.getInt(1) >= count && row.getInt(2) == 0) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("reports not all sent in time; received " + smtp.getReceivedMessages().length);
    }

    /** Waits until {@code count} deliveries have failed at least once. */
    private void awaitFailedAttempts(int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = connect();
                    ResultSet row = connection
                            .createStatement()
                            .executeQuery("select count(*) from " + schema + ".report_delivery where state ="
                                    + " 'PENDING' and attempts >= 1 and last_error like 'mail server%'")) {
                row.next();
                if (row.getInt(1) >= count) {
                    return;
                }
            } catch (java.sql.SQLException notYetMigrated) {
                // the schema is created by the first node's start
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the first node did not try every report in time");
    }

    private int auditedSends() throws Exception {
        try (Connection connection = connect();
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("select count(*) from " + schema + ".audit_entry where action = 'report.sent'")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String attachmentName(MimeMessage message) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("application/pdf")) {
                return parts.getBodyPart(i).getFileName();
            }
        }
        throw new AssertionError("no PDF attached");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(
                System.getenv(PostgresTestDatabase.URL_VARIABLE),
                envOr("PLEDGE_TEST_POSTGRES_USER", "postgres"),
                envOr("PLEDGE_TEST_POSTGRES_PASSWORD", ""));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
