package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
