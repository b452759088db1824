package io.pledge.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.pledge.core.Signatures;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Visitors subscribe to a trust page's incidents and maintenance (docs/adr/0039): by mail through a real
 * in-process SMTP server (GreenMail), confirmed by the link of the mail they receive, told of each incident
 * opened and updated until the one-click unsubscribe of a notice; by webhook to a real local HTTP server,
 * confirmed by its contact, signed, retried after a failure. Bad input is refused naming its field with
 * nothing stored; a secret page takes subscriptions at its link only, and no notice carries it. Run on H2
 * and PostgreSQL.
 */
public abstract class TrustSubscriptionsContract extends DatabaseIntegrationTest {

    /** The SMTP port the test profile sends mail to ({@code pledge.mail.port} in application-test.yml). */
    static final int MAIL_PORT = 13025;

    private static final Pattern CONFIRM =
            Pattern.compile("https://pledge\\.msp\\.example(/trust/subscribe/confirm/[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("https://pledge\\.msp\\.example(/trust/subscribe/unsubscribe/[A-Za-z0-9_-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    @Autowired
    MutableClock clock;

    @Autowired
    NoticeSender sender;

    @Autowired
    PageNotices pageNotices;

    @Autowired
    TrustSnapshots snapshots;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcClient database;

    TrustFixture fixture;
    TrustFixture.Client client;
    TrustFixture.Monitor erp;
    TrustFixture.Monitor relay;
    String page;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);

    record Received(Map<String, String> headers, String body) {}

    @BeforeEach
    void aPublishedPageAndAReceiver() throws Exception {
        fixture = new TrustFixture(api(), clock.instant());
        client = fixture.client("Contoso Pharma");
        erp = fixture.monitor(client, "erp-prod-internal");
        relay = fixture.monitor(client, "mail-relay-internal");
        page = TrustFixture.created(
                api().post("/api/v1/trust/pages", """
                {"client": "%s", "slug": "%s", "name": "Contoso status", "language": "en", "published": true,
                 "systems": [{"monitorId": "%s", "name": "ERP"}, {"monitorId": "%s", "name": "Mail"}]}""".formatted(client.slug(), client.slug(), erp.id(), relay.id())));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            for (String name : List.of("Idempotency-Key", "X-Pledge-Timestamp", "X-Pledge-Signature", "Content-Type")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aVisitorConfirmsByMailIsToldOfEachIncidentAndStopsWithOneClick() throws Exception {
        String visitor = DatabaseIntegrationTest.unique("visitor") + "@example.com";
        String idle = DatabaseIntegrationTest.unique("idle") + "@example.com";
        Response asked = form("/trust/" + client.slug() + "/subscribe", "email", visitor, "lang", "en");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.body()).contains("Check your mailbox").contains(visitor);
        assertThat(form("/trust/" + client.slug() + "/subscribe", "email", idle, "lang", "fr")
                        .status())
                .isEqualTo(200);
        sender.sendDue(50);

        MimeMessage confirmation = only(visitor);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Contoso status");
        String confirmPath = find(CONFIRM, GreenMailUtil.getBody(confirmation));
        assertThat(only(idle).getSubject()).isEqualTo("Confirmez votre abonnement \u00e0 Contoso status");

        // Opening the link asks; only the button's POST confirms, once.
        Response asking = anonymous("GET", confirmPath);
        assertThat(asking.status()).isEqualTo(200);
        assertThat(asking.body()).contains("Contoso status").contains("method=\"post\"");
        assertThat(counts()).isEqualTo(Map.of("mail", 0L, "webhook", 0L));
        Response confirmed = form(confirmPath, "lang", "en");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");
        assertThat(form(confirmPath).status()).isEqualTo(404);
        assertThat(counts()).isEqualTo(Map.of("mail", 1L, "webhook", 0L));

        // The same request again answers the same and changes nothing.
        Response again = form("/trust/" + client.slug() + "/subscribe", "email", visitor.toUpperCase(), "lang", "en");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Check your mailbox");

        String incident = TrustFixture.created(
                api().post("/api/v1/trust/pages/" + page + "/incidents", """
                {"title": "Mail delays", "impact": "MAJOR", "systems": ["%s"], "message": "We are looking into it."}""".formatted(relay.id())));
        sender.sendDue(50);
        List<MimeMessage> toVisitor = to(visitor);
        assertThat(toVisitor).hasSize(2);
        MimeMessage opened = toVisitor.get(1);
        assertThat(opened.getSubject()).isEqualTo("[Contoso status] Mail delays: Investigating");
        String text = GreenMailUtil.getBody(opened);
        assertThat(text)
                .contains("We are looking into it.")
                .contains("Major impact")
                .contains("Systems: Mail");
        assertThat(text).contains("Status page: https://pledge.msp.example/trust/" + client.slug());
        String unsubscribePath = find(UNSUBSCRIBE, text);
        assertThat(opened.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<https://pledge.msp.example" + unsubscribePath + ">");
        assertThat(opened.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(to(idle))
                .as("an unconfirmed address gets its confirmation only")
                .hasSize(1);

        assertThat(api().post(
                                "/api/v1/trust/pages/" + page + "/incidents/" + incident + "/updates",
                                "{\"status\": \"IDENTIFIED\", \"message\": \"A full queue on the relay.\"}")
                        .status())
                .isEqualTo(201);
        sender.sendDue(50);
        assertThat(to(visitor)).hasSize(3);
        assertThat(to(visitor).get(2).getSubject()).isEqualTo("[Contoso status] Mail delays: Identified");
        assertThat(GreenMailUtil.getBody(to(visitor).get(2))).contains("A full queue on the relay.");

        // A mail client's one-click unsubscribe (RFC 8058): a POST of List-Unsubscribe=One-Click.
        Response stopped = form(unsubscribePath, "List-Unsubscribe", "One-Click");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body()).contains("Unsubscribed");
        assertThat(counts()).isEqualTo(Map.of("mail", 0L, "webhook", 0L));
        assertThat(database.sql("select count(*) from trust_subscriber where target = :t")
                        .param("t", visitor.toLowerCase())
                        .query(Long.class)
                        .single())
                .isZero();
        api().post(
                        "/api/v1/trust/pages/" + page + "/incidents/" + incident + "/updates",
                        "{\"status\": \"RESOLVED\", \"message\": \"The relay drained its queue.\"}");
        sender.sendDue(50);
        assertThat(to(visitor)).hasSize(3);
        assertThat(form(unsubscribePath, "List-Unsubscribe", "One-Click").status())
                .isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingItsFieldAndStoresNothing() throws Exception {
        String base = "/trust/" + client.slug();
        Response noAddress = anonymous("POST", base + "/api/v2/subscriptions", "{\"email\": \"not an address\"}");
        assertThat(noAddress.status()).as(noAddress.toString()).isEqualTo(400);
        assertThat(noAddress.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noAddress.json().findValuesAsString("field")).containsExactly("email");
        Response badUrl = anonymous(
                "POST",
                base + "/api/v2/subscriptions",
                "{\"email\": \"ops@example.com\", \"webhook\": \"ftp://example.com/hook\", \"language\": \"de\"}");
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().findValuesAsString("field")).containsExactlyInAnyOrder("webhook", "language");
        Response withName = anonymous("POST", base + "/api/v2/subscriptions", "{\"email\": \"Eve <eve@example.com>\"}");
        assertThat(withName.json().findValuesAsString("field")).containsExactly("email");
        Response byForm = form(base + "/subscribe", "email", "", "webhook", "not a url", "lang", "fr");
        assertThat(byForm.status()).isEqualTo(400);
        assertThat(byForm.body())
                .contains("id=\"invalid-email\"")
                .contains("id=\"invalid-webhook\"")
                .contains("Rien n\u2019a \u00e9t\u00e9 enregistr\u00e9.");
        assertThat(anonymous("POST", "/trust/no-such-page/api/v2/subscriptions", "{\"email\": \"a@example.com\"}")
                        .status())
                .isEqualTo(404);

        assertThat(database.sql("select count(*) from trust_subscriber where page_id = :page")
                        .param("page", java.util.UUID.fromString(page))
                        .query(Long.class)
                        .single())
                .isZero();
        sender.sendDue(50);
        assertThat(mail.getReceivedMessages()).isEmpty();

        Response good = anonymous("POST", base + "/api/v2/subscriptions", "{\"email\": \"ops@example.com\"}");
        assertThat(good.status()).isEqualTo(202);
        assertThat(good.json().get("status").asString()).isEqualTo("confirmation_requested");
    }

    @Test
    void aWebhookConfirmedByItsContactReceivesSignedNoticesRetriedAfterAFailure() throws Exception {
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/status-hook";
        String contact = DatabaseIntegrationTest.unique("ops") + "@example.com";
        Response asked = anonymous(
                "POST",
                "/trust/" + client.slug() + "/api/v2/subscriptions",
                "{\"email\": \"%s\", \"webhook\": \"%s\"}".formatted(contact, hook));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        sender.sendDue(50);
        MimeMessage confirmation = only(contact);
        assertThat(GreenMailUtil.getBody(confirmation)).contains(hook);
        String incidentBody = """
                {"title": "ERP slow", "impact": "MINOR", "systems": ["%s"], "message": "Slow saves."}""".formatted(erp.id());
        TrustFixture.created(api().post("/api/v1/trust/pages/" + page + "/incidents", incidentBody));
        sender.sendDue(50);
        assertThat(received).as("nothing before confirmation").isEmpty();

        Response confirmed = form(find(CONFIRM, GreenMailUtil.getBody(confirmation)));
        assertThat(confirmed.status()).isEqualTo(200);
        String secret = find(Pattern.compile("<code id=\"secret\">([^<]+)</code>"), confirmed.body());
        assertThat(counts()).isEqualTo(Map.of("mail", 0L, "webhook", 1L));

        answer.set(503);
        String incident = TrustFixture.created(api().post("/api/v1/trust/pages/" + page + "/incidents", incidentBody));
        sender.sendDue(50);
        assertThat(received).hasSize(1);
        List<Map<String, Object>> notices =
                database.sql("""
                        select n.state, n.attempts, n.last_error from trust_notice n
                        join trust_subscriber s on s.id = n.subscriber_id
                        where s.target = :hook and n.event_id is not null""").param("hook", hook).query().listOfRows();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).containsEntry("state", "PENDING").containsEntry("attempts", 1);
        assertThat(notices.get(0).get("last_error")).isEqualTo("HTTP 503 Service Unavailable");
        sender.sendDue(50);
        assertThat(received).as("not again before its backoff").hasSize(1);

        answer.set(204);
        clock.advance(Duration.ofSeconds(11));
        sender.sendDue(50);
        assertThat(received).hasSize(2);
        Received delivered = received.get(1);
        assertThat(delivered.body()).isEqualTo(received.get(0).body());
        assertThat(Signatures.verifies(
                        secret,
                        delivered.headers().get("X-Pledge-Timestamp"),
                        delivered.body().getBytes(StandardCharsets.UTF_8),
                        delivered.headers().get("X-Pledge-Signature")))
                .isTrue();
        assertThat(Signatures.verifies(
                        "another key",
                        delivered.headers().get("X-Pledge-Timestamp"),
                        delivered.body().getBytes(StandardCharsets.UTF_8),
                        delivered.headers().get("X-Pledge-Signature")))
                .isFalse();
        JsonNode body = Api.tree(delivered.body());
        assertThat(body.get("type").asString()).isEqualTo("incident.created");
        assertThat(body.get("incident").get("id").asString()).isEqualTo(incident);
        assertThat(body.get("incident").get("systems").get(0).asString()).isEqualTo("ERP");
        assertThat(body.get("page").get("name").asString()).isEqualTo("Contoso status");
        assertThat(delivered.headers().get("Idempotency-Key"))
                .isEqualTo(body.get("id").asString());
        String unsubscribe = body.get("unsubscribe").asString();
        assertThat(unsubscribe).startsWith("https://pledge.msp.example/trust/subscribe/unsubscribe/");
        assertThat(delivered.body())
                .doesNotContain(contact)
                .doesNotContain(erp.name())
                .doesNotContain(client.name());

        assertThat(form(unsubscribe.substring(unsubscribe.indexOf("/trust/"))).status())
                .isEqualTo(200);
        api().post(
                        "/api/v1/trust/pages/" + page + "/incidents/" + incident + "/updates",
                        "{\"status\": \"RESOLVED\", \"message\": \"Fixed.\"}");
        sender.sendDue(50);
        assertThat(received).hasSize(2);
    }

    @Test
    void aSecretPageTakesSubscriptionsAtItsLinkOnlyAndNoNoticeCarriesIt() throws Exception {
        TrustFixture.Client hidden = fixture.client("Initech Secret");
        TrustFixture.Monitor app = fixture.monitor(hidden, "initech-app-internal");
        Response created = api().post("/api/v1/trust/pages", """
                {"client": "%s", "slug": "%s", "name": "Private status", "visibility": "SECRET", "published": true,
                 "systems": [{"monitorId": "%s", "name": "Line of business app"}]}""".formatted(hidden.slug(), hidden.slug(), app.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secretPage = created.json().get("id").asString();
        String link = created.json().get("secretLink").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        String visitor = DatabaseIntegrationTest.unique("insider") + "@example.com";

        assertThat(form("/trust/" + hidden.slug() + "/subscribe", "email", visitor)
                        .status())
                .isEqualTo(404);
        assertThat(form("/trust/s/not-the-token/subscribe", "email", visitor).status())
                .isEqualTo(404);
        assertThat(anonymous("GET", "/trust/s/" + token + "?lang=en").body())
                .contains("action=\"/trust/s/" + token + "/subscribe\"");
        Response asked = form("/trust/s/" + token + "/subscribe", "email", visitor, "lang", "en");
        assertThat(asked.status()).isEqualTo(200);
        sender.sendDue(50);
        String confirmation = GreenMailUtil.getBody(only(visitor));
        assertThat(form(find(CONFIRM, confirmation)).status()).isEqualTo(200);
        TrustFixture.created(api().post("/api/v1/trust/pages/" + secretPage + "/incidents", """
                {"title": "App down", "impact": "CRITICAL", "systems": ["%s"], "message": "Restarting."}""".formatted(app.id())));
        sender.sendDue(50);
        List<MimeMessage> received = to(visitor);
        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            String text = message.getSubject() + "\n" + GreenMailUtil.getBody(message);
            assertThat(text)
                    .doesNotContain(token)
                    .doesNotContain("/trust/s/")
                    .doesNotContain(hidden.slug())
                    .doesNotContain(hidden.name())
                    .doesNotContain(app.name());
        }
        assertThat(GreenMailUtil.getBody(received.get(1)))
                .contains("Restarting.")
                .doesNotContain("Status page:");
    }

    @Test
    void maintenanceIsToldOnceWhenPlannedAndOnceWhenItStarts() throws Exception {
        String visitor = DatabaseIntegrationTest.unique("planner") + "@example.com";
        confirmedSubscriber(visitor);
        Instant start = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        TrustFixture.created(api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "monitorId": "%s", "name": "Swap the ERP disks", "startsAt": "%s", "endsAt": "%s"}""".formatted(
                        client.slug(), erp.id(), start, start.plus(Duration.ofHours(1)))));
        snapshots.refresh();
        assertThat(pageNotices.maintenance()).isGreaterThanOrEqualTo(1);
        assertThat(pageNotices.maintenance()).isZero();
        sender.sendDue(50);
        List<MimeMessage> planned = to(visitor);
        assertThat(planned).hasSize(2);
        assertThat(planned.get(1).getSubject()).isEqualTo("[Contoso status] Planned maintenance: ERP");
        assertThat(GreenMailUtil.getBody(planned.get(1))).doesNotContain("Swap the ERP disks");

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        snapshots.refresh();
        pageNotices.maintenance();
        pageNotices.maintenance();
        sender.sendDue(50);
        List<MimeMessage> started = to(visitor);
        assertThat(started).hasSize(3);
        assertThat(started.get(2).getSubject()).isEqualTo("[Contoso status] Maintenance started: ERP");
    }

    @Test
    void anUnconfirmedRequestExpires() throws Exception {
        String visitor = DatabaseIntegrationTest.unique("late") + "@example.com";
        form("/trust/" + client.slug() + "/subscribe", "email", visitor);
        sender.sendDue(50);
        String confirmPath = find(CONFIRM, GreenMailUtil.getBody(only(visitor)));
        clock.advance(subscriptions.confirmWithin().plusMinutes(1));
        assertThat(anonymous("GET", confirmPath).status()).isEqualTo(404);
        assertThat(form(confirmPath).status()).isEqualTo(404);
        assertThat(subscriptions.removeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(database.sql("select count(*) from trust_subscriber where target = :t")
                        .param("t", visitor)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // --- helpers ---

    private void confirmedSubscriber(String address) throws Exception {
        assertThat(form("/trust/" + client.slug() + "/subscribe", "email", address, "lang", "en")
                        .status())
                .isEqualTo(200);
        sender.sendDue(50);
        assertThat(form(find(CONFIRM, GreenMailUtil.getBody(only(address)))).status())
                .isEqualTo(200);
    }

    private Map<String, Long> counts() {
        JsonNode subscribers = api().get("/api/v1/trust/pages/" + page).json().get("subscribers");
        return Map.of(
                "mail",
                subscribers.get("mail").asLong(),
                "webhook",
                subscribers.get("webhook").asLong());
    }

    private List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private MimeMessage only(String address) throws Exception {
        List<MimeMessage> messages = to(address);
        assertThat(messages).as("mail to " + address).hasSize(1);
        return messages.get(0);
    }

    private static String find(Pattern pattern, String text) {
        Matcher found = pattern.matcher(text.replace("=\r\n", "").replace("=\n", ""));
        assertThat(found.find()).as(pattern + " in " + text).isTrue();
        return found.group(1);
    }

    private Response anonymous(String method, String path, String json) {
        return Api.at(port).anonymous().send(method, path, json);
    }

    private Response anonymous(String method, String path) {
        return Api.at(port).anonymous().send(method, path, null);
    }

    /** A form POST as a browser sends it, without cookies. */
    private Response form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path, e);
        }
    }
}
