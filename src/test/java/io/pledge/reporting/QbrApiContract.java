package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.reporting.pack.PackFormat;
import io.pledge.reporting.pack.QbrRenderer;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The QBR pack over HTTP: in the client's language, with the manager's notes; a client's contact
 * downloads its own client's pack and no other. Run on H2 and PostgreSQL.
 */
public abstract class QbrApiContract extends DatabaseIntegrationTest {

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
     * and the breached ticket that the compliance report gives for the same client and period.
     */
    @Test
    void thePackShowsTheComplianceReportsFigures() throws Exception {
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
        ticket(slug, "2026-10-05T07:00:00Z", "2026-10-05T07:30:00Z", "2026-10-05T08:00:00Z");
        ticket(slug, "2026-10-06T07:00:00Z", "2026-10-06T07:20:00Z", "2026-10-06T08:00:00Z");
        String late = ticket(slug, "2026-10-07T07:00:00Z", "2026-10-07T09:00:00Z", "2026-10-07T10:00:00Z");

        Response json = api().get("/api/v1/reports/compliance/" + slug + "?period=2026-10");
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
        String breached = report.get("breaches").get(0).get("ticket").asString();
        assertThat(breached).isEqualTo(late);
        String metShown = new PackFormat(Locale.FRENCH, ZoneId.of("Europe/Paris"), QbrRenderer.messages())
                .percent(met)
                .replace('\u00a0', ' ');
        assertThat(metShown).isEqualTo("66,67 %");

        HttpResponse<byte[]> pdf = download("/api/v1/reports/qbr/" + slug + "/pdf?period=2026-10", BOOTSTRAP_TOKEN);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text).contains(metShown);
            // A ticket's id may be broken across lines of its table cell.
            assertThat(text.replaceAll("\\s", "")).contains(breached);
        }
    }

    private String ticket(String client, String createdAt, String repliedAt, String resolvedAt) {
        Response opened = api().post("/api/v1/tickets", """
                {"client": "%s", "priority": "P1", "service": "ERP", "subject": "ERP down", "createdAt": "%s"}""".formatted(client, createdAt));
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
