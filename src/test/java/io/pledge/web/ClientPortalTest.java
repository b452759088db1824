package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.reporting.ReportDeliveries;
import io.pledge.reporting.ReportDelivery;
import io.pledge.support.Api;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.PageClient;
import io.pledge.support.TestCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The client portal over HTTP, two clients side by side (Acme and Durand): every portal page shows a
 * client's contact its own client's tickets, terms, uptime and reports, in English and in French, and
 * another client's ticket, monitor, terms or report answers as one that does not exist, whatever the URL
 * names; the same data reaches the client's integration through the API with a CLIENT token.
 */
class ClientPortalTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "client-portal-password-1";

    @Autowired
    private Clock clock;

    @Autowired
    private ReportDeliveries deliveries;

    private Tenant acme;
    private Tenant durand;

    /** A client with a ticket (a public reply, an internal note), a monitor, a contact and a token. */
    record Tenant(
            TestCatalog catalog,
            String name,
            String ticket,
            String subject,
            String reply,
            String note,
            String monitor,
            String monitorName,
            String contact,
            String token) {

        Api asContact(int port) {
            return Api.at(port).withPassword(contact, PASSWORD);
        }
    }

    @BeforeEach
    void twoClients() {
        acme = tenant("Acme Industries");
        durand = tenant("Durand SA");
    }

    @Test
    void theHomeShowsAContactItsOwnClientsFiguresInBothLanguages() {
        Api.Response english = page(acme, "/portal", "en");
        assertThat(english.status()).as(english.toString()).isEqualTo(200);
        assertThat(english.body())
                .contains("Acme Industries: your service levels", "first responses on time", acme.monitorName())
                .doesNotContain(durand.name(), durand.monitorName(), durand.subject());
        Api.Response french = page(acme, "/portal", "fr");
        assertThat(french.status()).isEqualTo(200);
        assertThat(french.body())
                .contains("Acme Industries : vos niveaux de service", "premières réponses dans les délais")
                .doesNotContain(durand.name());

        // Signing in leads a client's contact to the portal; staff have no portal.
        assertThat(acme.asContact(port).get("/").header("Location")).endsWith("/portal");
        assertThat(Api.at(port)
                        .withPassword(ADMIN_EMAIL, ADMIN_PASSWORD)
                        .get("/portal")
                        .status())
                .isEqualTo(403);
        assertThat(english.body()).contains("href=\"/contract\"", "href=\"/tickets/new\"");
    }

    @Test
    void theContractPageShowsTheTermsTheClientSigned() {
        Api.Response english = page(acme, "/contract", "en");
        assertThat(english.status()).as(english.toString()).isEqualTo(200);
        assertThat(english.body())
                .contains("Acme Industries\u2019s terms", "ERP, Network", "Targets per priority", "15\u00a0min")
                .contains("Open around the clock")
                .doesNotContain(durand.name(), "id=\"client\"");
        assertThat(text(english, "tr[data-priority=P1]"))
                .contains("15\u00a0min")
                .contains("4\u00a0h");
        Api.Response french = page(acme, "/contract", "fr");
        assertThat(french.body()).contains("Objectifs par priorité", "Services couverts", "Conditions de Acme");

        // Another client's terms, named by slug or by id, are not found.
        assertThat(page(acme, "/contract?client=" + durand.catalog().slug(), "en")
                        .status())
                .isEqualTo(404);
        assertThat(page(acme, "/contract?client=" + durand.catalog().clientId(), "en")
                        .status())
                .isEqualTo(404);
        // Staff choose the client, and see what its contacts see.
        Api.Response staff = Api.at(port)
                .withPassword(ADMIN_EMAIL, ADMIN_PASSWORD)
                .get("/contract?client=" + durand.catalog().slug());
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body()).contains("Durand SA\u2019s terms");
    }

    @Test
    void ticketsShowTheirTimeLeftAndNeverAnotherClientsOrAnInternalNote() {
        Api.Response queue = page(acme, "/queue", "en");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body())
                .contains(acme.subject(), "countdown")
                .doesNotContain(durand.subject(), "id=\"client\"");
        Api.Response ticket = page(acme, "/tickets/" + acme.ticket(), "fr");
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.body())
                .contains(acme.reply(), "Première réponse")
                .doesNotContain(acme.note(), "visibility-internal", "id=\"resolve\"");
        assertThat(page(acme, "/tickets/" + durand.ticket(), "en").status()).isEqualTo(404);
        Api.Response form = page(acme, "/tickets/new", "en");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("Open a ticket", "Services your contract covers: ERP, Network.")
                .doesNotContain("id=\"client\"", durand.catalog().slug());
    }

    @Test
    void aContactOpensATicketForItsOwnClientWhateverTheFormSays() {
        String subject = unique("Printer on fire");
        PageClient.Page posted = postForm(
                acme,
                "/tickets/new",
                Map.of("client", durand.catalog().slug(), "priority", "P2", "service", "ERP", "subject", subject));
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        String location = posted.location();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode created = api().get("/api/v1/tickets/" + id).json();
        assertThat(created.get("clientId").asString()).isEqualTo(acme.catalog().clientId());
        assertThat(created.get("requester").asString()).isEqualTo(acme.contact());
        assertThat(page(durand, "/tickets/" + id, "en").status()).isEqualTo(404);

        // A missing subject is named next to its field, in the reader's language.
        PageClient.Page rejected =
                postForm(acme, "/tickets/new", Map.of("priority", "P2", "service", "ERP", "subject", ""));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body()).contains("id=\"subject-errors\"");
    }

    @Test
    void uptimeShowsTheClientsOwnMonitorsDayByDayAndMonthByMonth() {
        Api.Response list = page(acme, "/monitors", "en");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(acme.monitorName()).doesNotContain(durand.monitorName());
        Api.Response monitor = page(acme, "/monitors/" + acme.monitor(), "en");
        assertThat(monitor.status()).isEqualTo(200);
        assertThat(monitor.body())
                .contains("uptime-bars", "Availability per month, against the target")
                .contains("data-month=\"" + month() + "\"", month() + ", so far");
        assertThat(page(acme, "/monitors/" + acme.monitor(), "fr").body())
                .contains("Disponibilité par mois, face à l’objectif", month() + ", à ce jour");
        assertThat(page(acme, "/monitors/" + durand.monitor(), "en").status()).isEqualTo(404);
        assertThat(page(acme, "/monitors/" + durand.monitor() + "/edit", "en").status())
                .isEqualTo(403);
    }

    @Test
    void reportsAreTheClientsOwnAndItsQbrPackDownloads() {
        Api.Response report = page(acme, "/reports?period=" + month(), "en");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body())
                .contains(
                        "id=\"report\"",
                        "Service credits",
                        "/api/v1/reports/qbr/" + acme.catalog().slug() + "/pdf")
                .doesNotContain(durand.name());
        assertThat(page(acme, "/reports?period=" + month(), "fr").body()).contains("Télécharger le PDF");
        Api.Response pdf =
                acme.asContact(port).get("/api/v1/reports/qbr/" + acme.catalog().slug() + "/pdf?period=" + month());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        assertThat(page(acme, "/reports?client=" + durand.catalog().slug() + "&period=" + month(), "en")
                        .body())
                .doesNotContain("id=\"report\"", durand.name());
        assertThat(page(acme, "/reports/" + durand.catalog().slug() + "/pdf?period=" + month(), "en")
                        .status())
                .isEqualTo(404);
        assertThat(acme.asContact(port)
                        .get("/api/v1/reports/qbr/" + durand.catalog().slug() + "/pdf?period=" + month())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theReportsMailedToAClientAreListedForItsContactsOnly() {
        String mine = sentReport(acme);
        String theirs = sentReport(durand);
        Api.Response page = page(acme, "/reports?period=" + month(), "en");
        assertThat(page.body())
                .contains("Reports sent", "/api/v1/reports/deliveries/" + mine + "/pdf")
                .doesNotContain(theirs, "id=\"client\"");
        assertThat(page(acme, "/reports?period=" + month(), "fr").body()).contains("Rapports envoyés");
        Api.Response pdf = acme.asContact(port).get("/api/v1/reports/deliveries/" + mine + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(acme.asContact(port)
                        .get("/api/v1/reports/deliveries/" + theirs + "/pdf")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theMspsOwnPagesStayClosedToAClientsContact() {
        for (String path : List.of("/dashboard", "/calendars", "/monitors/new", "/maintenance-windows/new")) {
            assertThat(page(acme, path, "en").status()).as(path).isEqualTo(403);
        }
        String navigation = page(acme, "/portal", "en").body();
        assertThat(navigation).contains(">Overview<", ">Contract<", ">Reports<", ">Queue<", ">Monitors<");
        assertThat(navigation).doesNotContain(">Dashboard<", ">Calendars<");
    }

    @Test
    void theClientsIntegrationReadsTheSameThroughTheApi() {
        Api integration = Api.at(port).withToken(acme.token());
        Api.Response terms = integration.get("/api/v1/clients/" + acme.catalog().slug() + "/terms");
        assertThat(terms.status()).as(terms.toString()).isEqualTo(200);
        JsonNode sheet = terms.json();
        assertThat(sheet.get("client").get("name").asString()).isEqualTo("Acme Industries");
        assertThat(sheet.get("contract").get("services").toString()).contains("ERP", "Network");
        assertThat(sheet.get("targets").get(0).get("priority").asString()).isEqualTo("P1");
        assertThat(sheet.get("targets").get(0).get("firstResponse").asString()).isEqualTo("PT15M");
        assertThat(sheet.get("targets").get(0).get("resolution").asString()).isEqualTo("PT4H");
        assertThat(sheet.get("calendar").get("alwaysOpen").asBoolean()).isTrue();
        assertThat(terms.body()).doesNotContain("tierId", "calendarId", "createdBy");

        for (String path : List.of(
                "/api/v1/clients/" + durand.catalog().slug() + "/terms",
                "/api/v1/clients/" + durand.catalog().clientId() + "/terms",
                "/api/v1/tickets/" + durand.ticket(),
                "/api/v1/monitors/" + durand.monitor() + "/availability?period=month",
                "/api/v1/reports/compliance/" + durand.catalog().slug() + "?period=" + month())) {
            assertThat(integration.get(path).status()).as(path).isEqualTo(404);
        }
        // It opens tickets for its own client, when they arrive: never dated back against the MSP's targets.
        Api.Response backdated = integration.post(
                "/api/v1/tickets", """
                {"priority": "P1", "subject": "Down since last week", "createdAt": "%s"}""".formatted(clock.instant().minus(Duration.ofDays(7))));
        assertThat(backdated.status()).as(backdated.toString()).isEqualTo(400);
        assertThat(backdated.body()).contains("createdAt");
        Api.Response opened = integration.post("/api/v1/tickets", """
                {"priority": "P1", "subject": "Down now"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("clientId").asString())
                .isEqualTo(acme.catalog().clientId());
        assertThat(integration.get("/api/v1/tickets").body())
                .contains(acme.subject())
                .doesNotContain(durand.subject());
        assertThat(integration
                        .get("/api/v1/tickets/" + acme.ticket() + "/events")
                        .body())
                .contains(acme.reply())
                .doesNotContain(acme.note());
        assertThat(integration
                        .get("/api/v1/monitors/" + acme.monitor() + "/availability?period=month")
                        .status())
                .isEqualTo(200);
        assertThat(integration
                        .get("/api/v1/reports/compliance/" + acme.catalog().slug() + "?period=" + month())
                        .status())
                .isEqualTo(200);
    }

    // ----------------------------------------------------------------------------------------- fixtures

    private Tenant tenant(String name) {
        TestCatalog catalog = TestCatalog.create(api());
        Api.Response renamed = api().put("/api/v1/clients/" + catalog.clientId(), """
                {"name": "%s", "slug": "%s", "zone": "UTC"}""".formatted(name, catalog.slug()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        String subject = unique(name + " mail is slow");
        Api.Response opened = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P2", "service": "ERP", "subject": "%s", "createdAt": "%s"}""".formatted(
                        catalog.slug(), subject, clock.instant().minus(Duration.ofMinutes(5))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String ticket = opened.json().get("id").asString();
        String reply = unique("Looking now");
        String note = unique("Cheap tier, do not escalate");
        record(
                ticket,
                "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"body\": \"%s\"}".formatted(reply));
        record(ticket, "{\"type\": \"NOTE\", \"body\": \"%s\"}".formatted(note));
        String monitorName = unique(name + " backup");
        Api.Response monitor = api().post("/api/v1/monitors", """
                {"client": "%s", "name": "%s", "kind": "HEARTBEAT", "interval": "PT60S", "grace": "PT30S"}""".formatted(catalog.slug(), monitorName));
        assertThat(monitor.status()).as(monitor.toString()).isEqualTo(201);
        String contact = unique("contact") + "@" + catalog.slug() + ".example";
        Api.Response user = api().post("/api/v1/users", """
                {"email": "%s", "password": "%s", "role": "CLIENT", "client": "%s"}""".formatted(contact, PASSWORD, catalog.slug()));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        Api.Response token = api().post("/api/v1/tokens", """
                {"name": "%s", "role": "CLIENT", "client": "%s"}""".formatted(unique("integration"), catalog.slug()));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return new Tenant(
                catalog,
                name,
                ticket,
                subject,
                reply,
                note,
                monitor.json().get("id").asString(),
                monitorName,
                contact,
                token.json().get("secret").asString());
    }

    /** A report mailed to the tenant's contact, as the schedule stores it once sent. */
    private String sentReport(Tenant tenant) {
        ReportDelivery owed = ReportDelivery.owed(
                UUID.fromString(tenant.catalog().clientId()), "2026-10", 1, ReportDelivery.SCHEDULE, clock.instant());
        assertThat(deliveries.add(owed)).isTrue();
        byte[] pdf = "%PDF-1.4 a report".getBytes(StandardCharsets.US_ASCII);
        deliveries.sent(
                owed.id(),
                1,
                clock.instant(),
                new ReportDelivery.Sent(
                        List.of(tenant.contact()),
                        tenant.name() + " report, 2026-10",
                        "<" + owed.id() + "@pledge.test>",
                        pdf,
                        HexFormat.of().formatHex(sha256(pdf))));
        return owed.id().toString();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void record(String ticket, String event) {
        Api.Response recorded = api().post("/api/v1/tickets/" + ticket + "/events", event);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    /** A page as the tenant's contact reads it, in a language. */
    private Api.Response page(Tenant tenant, String path, String language) {
        return tenant.asContact(port).send("GET", path, null, "Accept-Language", language);
    }

    /** Posts a form as the tenant's contact, signed in, with the CSRF token of the page that shows it. */
    private PageClient.Page postForm(Tenant tenant, String path, Map<String, String> fields) {
        PageClient contact = PageClient.signIn(port, tenant.contact(), PASSWORD, "en");
        contact.get(path);
        return contact.post(path, fields);
    }

    /** The text of the first element a simple attribute selector names (tag[attr=value]), tags stripped. */
    private static String text(Api.Response response, String selector) {
        Matcher parts = Pattern.compile("(\\w+)\\[([\\w-]+)=([^\\]]+)]").matcher(selector);
        assertThat(parts.matches()).isTrue();
        Matcher element = Pattern.compile(
                        "<" + parts.group(1) + "[^>]*" + parts.group(2) + "=\"" + Pattern.quote(parts.group(3))
                                + "\"[^>]*>(.*?)</" + parts.group(1) + ">",
                        Pattern.DOTALL)
                .matcher(response.body());
        assertThat(element.find()).as(selector).isTrue();
        return element.group(1).replaceAll("<[^>]+>", " ");
    }

    private String month() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
    }
}
