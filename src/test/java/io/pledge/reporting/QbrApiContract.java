package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.reporting.pack.PackFormat;
import io.pledge.reporting.pack.QbrRenderer;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The QBR pack over HTTP: in the client's language, with the manager's notes; a client's contact
 * downloads its own client's pack and no other. Run on H2 and PostgreSQL.
 */
public abstract class QbrApiContract extends DatabaseIntegrationTest {

    @Autowired
    MutableClock clock;

    private TestCatalog client;
    private TestCatalog other;
    private String clientToken;

    @BeforeEach
    void twoClientsAndAContactsToken() {
        client = TestCatalog.create(api());
        other = TestCatalog.create(api());
        Response token = api().post(
                        "/api/v1/tokens",
                        "{\"name\": \"%s\", \"role\": \"CLIENT\", \"client\": \"%s\"}"
                                .formatted(unique("portal"), client.slug()));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        clientToken = token.json().get("secret").asString();
    }

    @Test
    void aClientsLanguageIsEnglishUntilSetAndOnlyEnglishOrFrench() {
        assertThat(api().get("/api/v1/clients/" + client.slug())
                        .json()
                        .get("language")
                        .asString())
                .isEqualTo("en");
        Response refused = api().put("/api/v1/clients/" + client.slug(), document("Acme", client.slug(), "de"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().findValuesAsString("field")).containsExactly("language");
        Response french = api().put("/api/v1/clients/" + client.slug(), document("Acme", client.slug(), "fr"));
        assertThat(french.status()).as(french.toString()).isEqualTo(200);
        assertThat(api().get("/api/v1/clients/" + client.slug())
                        .json()
                        .get("language")
                        .asString())
                .isEqualTo("fr");
    }

    @Test
    void aClientsContactDownloadsItsPackInItsLanguageWithTheManagersNotes() throws Exception {
        String name = "Hôtel Boréal " + unique("SA");
        assertThat(api().put("/api/v1/clients/" + client.slug(), document(name, client.slug(), "fr"))
                        .status())
                .isEqualTo(200);
        String notes = "Renouvellement du pare-feu prévu en octobre. " + unique("note");
        Response put = api().put(notesPath(client.slug()), "{\"notes\": \"%s\"}".formatted(notes));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(api().get(notesPath(client.slug())).json().get("notes").asString())
                .isEqualTo(notes);

        HttpResponse<byte[]> pdf =
                download("/api/v1/reports/qbr/" + client.slug() + "/pdf?period=2026-Q3", clientToken);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("qbr-" + client.slug() + "-2026-Q3.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text)
                    .contains(name)
                    .contains("du 1 juillet 2026 au 30 septembre 2026")
                    .contains("Revue trimestrielle de service")
                    .contains(notes);
        }
    }

    @Test
    void aClientsContactGetsNoOtherClientsPackAndCannotWriteNotes() throws Exception {
        HttpResponse<byte[]> others =
                download("/api/v1/reports/qbr/" + other.slug() + "/pdf?period=2026-Q3", clientToken);
        HttpResponse<byte[]> missing =
                download("/api/v1/reports/qbr/" + unique("no-such-client") + "/pdf?period=2026-Q3", clientToken);
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Api.at(port)
                        .withToken(clientToken)
                        .get("/api/v1/reports/qbr/" + other.clientId() + "/html?period=2026-Q3")
                        .status())
                .isEqualTo(404);
        Response write = Api.at(port).withToken(clientToken).put(notesPath(client.slug()), "{\"notes\": \"mine now\"}");
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(Api.at(port)
                        .withToken(clientToken)
                        .get(notesPath(client.slug()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theHtmlViewIsTheSameTemplateAllowedOnlyItsOwnStyle() {
        Response html = Api.at(port)
                .withToken(clientToken)
                .get("/api/v1/reports/qbr/" + client.slug() + "/html?period=2026-07");
        assertThat(html.status()).as(html.toString()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body())
                .contains("Quarterly business review")
                .contains("<svg")
                .doesNotContain("<script");
        assertThat(html.header("Content-Security-Policy"))
                .startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("unsafe");
    }

    @Test
    void aPeriodThatIsNoMonthOrQuarterIsRefusedByName() {
        Response refused = api().get("/api/v1/reports/qbr/" + client.slug() + "/pdf?period=2026-13");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().findValuesAsString("field")).containsExactly("period");
        Response tooLong = api().put(notesPath(client.slug()), "{\"notes\": \"%s\"}".formatted("x".repeat(4001)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().findValuesAsString("field")).containsExactly("notes");
    }

    /**
     * Three P1 tickets in October 2026 in Paris (Monday to Friday 09:00–18:00, first response within 1 h): the
     * third is answered after 2 h, so first response is met 2 times out of 3. The French pack shows the met %
     * and the breached ticket that the compliance report gives for the same client and period, with the
     * ticket's subject and never the text of its internal note. October is over: no credit at risk.
     */
    @Test
    void thePackShowsTheComplianceReportsFigures() throws Exception {
        Docks docks = docks();

        Response json = api().get("/api/v1/reports/compliance/" + docks.slug() + "?period=2026-10");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        JsonNode report = json.json();
        BigDecimal met = null;
        for (JsonNode figure : report.get("headline")) {
            if (figure.get("figure").asString().equals("FIRST_RESPONSE.metPercent")) {
                met = figure.get("current").decimalValue();
            }
        }
        assertThat(met).isEqualByComparingTo("66.67");
        assertThat(report.get("breaches")).hasSize(1);
        JsonNode breach = report.get("breaches").get(0);
        String breached = breach.get("ticket").asString();
        assertThat(breached).isEqualTo(docks.late());
        assertThat(breach.get("subject").asString()).isEqualTo(LATE_SUBJECT);
        assertThat(report.toString()).doesNotContain(INTERNAL_NOTE);
        String metShown = new PackFormat(Locale.FRENCH, ZoneId.of("Europe/Paris"), QbrRenderer.messages())
                .percent(met)
                .replace('\u00a0', ' ');
        assertThat(metShown).isEqualTo("66,67 %");

        HttpResponse<byte[]> pdf =
                download("/api/v1/reports/qbr/" + docks.slug() + "/pdf?period=2026-10", BOOTSTRAP_TOKEN);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = text(document);
            assertThat(text).contains(metShown);
            // A ticket's id may be broken across lines of its table cell.
            assertThat(text.replaceAll("\\s", "")).contains(breached);
            assertThat(text).contains(LATE_SUBJECT);
            assertThat(text).as("met tickets are not in the breach table").doesNotContain("Poste bloqué");
            assertThat(text).doesNotContain(INTERNAL_NOTE).doesNotContain("Pénalités en jeu");
        }
        HttpResponse<byte[]> own =
                download("/api/v1/reports/qbr/" + docks.slug() + "/pdf?period=2026-10", docks.token());
        assertThat(own.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(own.body())) {
            assertThat(text(document)).contains(LATE_SUBJECT).doesNotContain(INTERNAL_NOTE);
        }
    }

    /**
     * The same client on Thursday 15 October 2026, 12:00 in Paris: October is not over. First response met
     * 2 of 3 (66.67 %) is below the 95 % step, so if nothing else goes wrong the month owes 5 % of 1,000 EUR,
     * and no further step is left below it. The French pack says so on its summary and its credits page.
     */
    @Test
    void aPackOfAPeriodNotOverYetShowsTheCreditAtRisk() throws Exception {
        Docks docks = docks();
        Instant real = clock.instant();
        try {
            clock.set(Instant.parse("2026-10-15T10:00:00Z"));
            JsonNode atRisk = api().get("/api/v1/reports/compliance/" + docks.slug() + "?period=2026-10")
                    .json()
                    .get("creditAtRisk");
            assertThat(atRisk).as("a period not over yet has a credit at risk").isNotNull();
            assertThat(atRisk.get("ifNothingElseGoesWrong").get("total").decimalValue())
                    .isEqualByComparingTo("50.00");

            HttpResponse<byte[]> pdf =
                    download("/api/v1/reports/qbr/" + docks.slug() + "/pdf?period=2026-10", docks.token());
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = text(document);
                assertThat(text)
                        .contains("Cette période n’est pas terminée. Si rien d’autre ne se dégrade, elle devra 50,00 €")
                        .contains("Pénalités en jeu sur la période en cours")
                        .contains("la période doit 50,00 €")
                        // The forecast's met % (2 of 3) unrounded, shown rounded down like every percentage.
                        .contains("Première réponse P1 66,66 % 5 % Pas d’autre palier");
            }
        } finally {
            clock.set(real);
        }
    }

    private static final String LATE_SUBJECT = "Messagerie coupée au siège";
    private static final String INTERNAL_NOTE = "astreinte injoignable";

    /** The Paris client of the two tests above, its breached ticket and its contact's token. */
    private record Docks(String slug, String late, String token) {}

    private Docks docks() {
        String calendar = created(api().post("/api/v1/calendars", """
                {"name": "%s", "zone": "Europe/Paris",
                 "hours": {"mon": [["09:00","18:00"]], "tue": [["09:00","18:00"]], "wed": [["09:00","18:00"]],
                           "thu": [["09:00","18:00"]], "fri": [["09:00","18:00"]]}}""".formatted(unique("Paris office"))));
        String tier = created(api().post("/api/v1/tiers", """
                {"name": "%s", "policy": {"targets": [
                  {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT1H"},
                  {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"}],
                 "ticketCredits": [{"metric": "FIRST_RESPONSE", "priority": "P1", "metBelow": 95, "creditPercent": 5}]}}""".formatted(unique("Gold"))));
        String slug = unique("docks");
        String id = created(api().post("/api/v1/clients", """
                {"name": "Docks de Paris", "slug": "%s", "zone": "Europe/Paris", "language": "fr"}""".formatted(slug)));
        created(api().post("/api/v1/clients/" + id + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2026-01-01", "services": ["ERP"],
                 "monthlyFee": 1000, "currency": "EUR"}""".formatted(tier, calendar)));
        ticket(slug, "Poste bloqué", "2026-10-05T07:00:00Z", "2026-10-05T07:30:00Z", "2026-10-05T08:00:00Z");
        ticket(slug, "Poste bloqué bis", "2026-10-06T07:00:00Z", "2026-10-06T07:20:00Z", "2026-10-06T08:00:00Z");
        String late =
                ticket(slug, LATE_SUBJECT, "2026-10-07T07:00:00Z", "2026-10-07T09:00:00Z", "2026-10-07T10:00:00Z");
        Response note = api().post(
                        "/api/v1/tickets/" + late + "/events",
                        "{\"type\": \"NOTE\", \"body\": \"%s, rappel à 10 h\", \"at\": \"2026-10-07T08:30:00Z\"}"
                                .formatted(INTERNAL_NOTE));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        Response token = api().post(
                        "/api/v1/tokens",
                        "{\"name\": \"%s\", \"role\": \"CLIENT\", \"client\": \"%s\"}"
                                .formatted(unique("portal"), slug));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return new Docks(slug, late, token.json().get("secret").asString());
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper()
                .getText(document)
                .replace('\u00a0', ' ')
                .replace('\u202f', ' ')
                .replaceAll("\\s+", " ");
    }

    private String ticket(String client, String subject, String createdAt, String repliedAt, String resolvedAt) {
        Response opened = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P1", "service": "ERP", "subject": "%s", "createdAt": "%s"}""".formatted(client, subject, createdAt));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String ticket = opened.json().get("id").asString();
        for (String event : new String[] {
            "{\"type\": \"REPLIED\", \"author\": \"AGENT\", \"public\": true, \"at\": \"%s\"}".formatted(repliedAt),
            "{\"type\": \"RESOLVED\", \"at\": \"%s\"}".formatted(resolvedAt)
        }) {
            Response recorded = api().post("/api/v1/tickets/" + ticket + "/events", event);
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        }
        return ticket;
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String notesPath(String client) {
        return "/api/v1/reports/qbr/" + client + "/notes?period=2026-Q3";
    }

    private static String document(String name, String slug, String language) {
        return "{\"name\": \"%s\", \"slug\": \"%s\", \"zone\": \"Europe/Paris\", \"language\": \"%s\"}"
                .formatted(name, slug, language);
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
