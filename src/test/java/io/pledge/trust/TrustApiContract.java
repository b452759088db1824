package io.pledge.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Scope;
import io.pledge.monitoring.AvailabilityQueries;
import io.pledge.monitoring.MonitorCatalog;
import io.pledge.reporting.ComplianceReport;
import io.pledge.reporting.ComplianceReports;
import io.pledge.reporting.ReportPeriod;
import io.pledge.support.Api;
import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * The public trust pages over HTTP (docs/adr/0034): what managers publish and who may, bad documents refused
 * naming their fields with nothing changed, the figures as the compliance report counts them, badges that are
 * SVG, an Atom feed, a summary in Statuspage's shape, and a crawl of every public address that finds nothing
 * unpublished. Run on H2 and PostgreSQL.
 */
public abstract class TrustApiContract extends DatabaseIntegrationTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Set<String> COMPONENT_STATUSES =
            Set.of("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance");

    @Autowired
    MutableClock clock;

    @Autowired
    TrustSnapshots snapshots;

    @Autowired
    ComplianceReports reports;

    @Autowired
    AvailabilityQueries availability;

    @Autowired
    MonitorCatalog monitors;

    TrustFixture fixture;
    TrustFixture.Client client;
    TrustFixture.Monitor erp;
    TrustFixture.Monitor mail;
    TrustFixture.Monitor hidden;

    @BeforeEach
    void aClientWithMonitorsAndTickets() {
        fixture = new TrustFixture(api(), clock.instant());
        client = fixture.client("Contoso Pharma");
        erp = fixture.monitor(client, "erp-prod-internal");
        mail = fixture.monitor(client, "mail-relay-internal");
        hidden = fixture.monitor(client, "secret-backup-box");
        Instant now = clock.instant();
        fixture.down(
                erp,
                now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(43)),
                port);
        fixture.down(mail, now.minus(Duration.ofDays(1)), null, port);
        fixture.ticket(client, "P1", Duration.ofDays(3), Duration.ofMinutes(10), Duration.ofHours(2));
        fixture.ticket(client, "P1", Duration.ofDays(5), Duration.ofMinutes(40), Duration.ofHours(3));
        fixture.ticket(client, "P1", Duration.ofDays(40), Duration.ofMinutes(5), Duration.ofHours(1));
        fixture.ticket(client, "P2", Duration.ofDays(4), Duration.ofMinutes(30), null);
    }

    // --- publication: who may, what is refused ---

    @Test
    void managersPublishTechniciansAndClientsContactsCannot() {
        Api manager = Api.at(port).withToken(fixture.token("MANAGER", null));
        Api technician = Api.at(port).withToken(fixture.token("TECHNICIAN", null));
        Api contact = Api.at(port).withToken(fixture.token("CLIENT", client.slug()));
        String document = clientPage("Contoso status", true);

        assertThat(technician.post("/api/v1/trust/pages", document).status()).isEqualTo(403);
        assertThat(contact.post("/api/v1/trust/pages", document).status()).isEqualTo(403);
        assertThat(technician.get("/api/v1/trust/pages").status()).isEqualTo(403);
        assertThat(contact.get("/api/v1/trust/pages").status()).isEqualTo(403);
        assertThat(Api.at(port)
                        .anonymous()
                        .post("/api/v1/trust/pages", document)
                        .status())
                .isEqualTo(401);
        assertThat(pageCount()).isZero();

        Response created = manager.post("/api/v1/trust/pages", document);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/trust/pages/" + id);
        assertThat(created.json().get("url").asString()).endsWith("/trust/" + client.slug());
        assertThat(created.json().get("systems").get(0).get("slug").asString()).isEqualTo("erp");
        assertThat(technician
                        .post("/api/v1/trust/pages/" + id + "/incidents", incident("Mail delays", mail.id()))
                        .status())
                .isEqualTo(403);
        assertThat(contact.put("/api/v1/trust/pages/" + id, document).status()).isEqualTo(403);
        assertThat(technician.delete("/api/v1/trust/pages/" + id).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/trust/pages/" + id + "/incidents", incident("Mail delays", mail.id()))
                        .status())
                .isEqualTo(201);
        assertThat(anonymous("/trust/" + client.slug()).status()).isEqualTo(200);
    }

    @Test
    void badDocumentsAreRefusedNamingTheirFieldsAndChangeNothing() {
        String id = created(api().post("/api/v1/trust/pages", clientPage("Contoso status", true)));
        Response before = api().get("/api/v1/trust/pages/" + id);
        byte[] pageBefore =
                anonymous("/trust/" + client.slug() + "?lang=en").body().getBytes(StandardCharsets.UTF_8);

        assertRefused(400, "{\"client\": \"%s\", \"slug\": \"Not A Slug\", \"name\": \"x\"}", "slug");
        assertRefused(400, "{\"client\": \"%s\", \"slug\": \"badges\", \"name\": \"x\"}", "slug");
        assertRefused(400, "{\"client\": \"%s\", \"slug\": \"ok-slug\", \"name\": \" \"}", "name");
        assertRefused(
                400,
                "{\"client\": \"%s\", \"slug\": \"ok-slug\", \"name\": \"x\", \"accentColour\": \"blue\","
                        + " \"language\": \"de\", \"logoUrl\": \"http://example.com/logo.png\"}",
                "accentColour",
                "language",
                "logoUrl");
        assertRefused(
                400,
                "{\"client\": \"%s\", \"slug\": \"ok-slug\", \"name\": \"x\", \"visibility\": \"HIDDEN\","
                        + " \"systems\": [{\"monitorId\": \"nope\", \"name\": \"ERP\"}],"
                        + " \"figures\": [{\"metric\": \"SPEED\", \"priority\": \"P1\"}]}",
                "visibility",
                "systems[0].monitorId",
                "figures[0].metric");
        assertRefused(
                422,
                "{\"client\": \"%s\", \"slug\": \"ok-slug\", \"name\": \"x\", \"systems\": [{\"monitorId\": \""
                        + UUID.randomUUID() + "\", \"name\": \"ERP\"}]}",
                "systems[0].monitorId");
        Response unknownClient = api().post(
                        "/api/v1/trust/pages",
                        "{\"client\": \"no-such-client-at-all\", \"slug\": \"ok-slug\", \"name\": \"x\"}");
        assertThat(unknownClient.status()).isEqualTo(422);
        assertThat(unknownClient.json().findValuesAsString("field")).containsExactly("client");
        Response malformed = api().post("/api/v1/trust/pages", "{\"name\": \"x\", \"colour\": \"#ffffff\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");

        // Another client's monitor is not this client's to publish.
        TrustFixture.Client other = fixture.client("Fabrikam Logistics");
        TrustFixture.Monitor theirs = fixture.monitor(other, "fabrikam-db");
        Response foreign =
                api().put("/api/v1/trust/pages/" + id, """
                {"client": "%s", "slug": "%s", "name": "x", "systems": [{"monitorId": "%s", "name": "DB"}]}""".formatted(client.slug(), client.slug(), theirs.id()));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(422);
        assertThat(foreign.json().findValuesAsString("field")).containsExactly("systems[0].monitorId");
        Response taken = api().post("/api/v1/trust/pages", """
                {"client": "%s", "slug": "%s", "name": "x"}""".formatted(other.slug(), client.slug()));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().findValuesAsString("field")).containsExactly("slug");

        // An incident naming a system the page does not publish, an update with no status.
        Response unpublished = api().post("/api/v1/trust/pages/" + id + "/incidents", incident("Backups", hidden.id()));
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(422);
        assertThat(unpublished.json().findValuesAsString("field")).containsExactly("systems[0]");
        Response noTitle =
                api().post("/api/v1/trust/pages/" + id + "/incidents", "{\"impact\": \"HUGE\", \"message\": \"x\"}");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().findValuesAsString("field")).containsExactlyInAnyOrder("title", "impact");
        assertThat(api().get("/api/v1/trust/pages/" + id + "/incidents").json()).isEmpty();

        assertThat(pageCount()).isEqualTo(1);
        assertThat(api().get("/api/v1/trust/pages/" + id).body()).isEqualTo(before.body());
        assertThat(anonymous("/trust/" + client.slug() + "?lang=en").body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(pageBefore);
    }

    @Test
    void nothingShowsBeforeItIsPublishedNorAfterItIsWithdrawn() {
        String id = created(api().post("/api/v1/trust/pages", clientPage("Contoso status", false)));
        assertThat(anonymous("/trust/" + client.slug()).status()).isEqualTo(404);
        assertThat(anonymous("/trust/" + client.slug() + "/api/v2/summary.json").status())
                .isEqualTo(404);
        assertThat(anonymous("/trust/" + client.slug() + "/badges/status.svg").status())
                .isEqualTo(404);

        assertThat(api().put("/api/v1/trust/pages/" + id, clientPage("Contoso status", true))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous("/trust/" + client.slug()).status()).isEqualTo(200);

        assertThat(api().delete("/api/v1/trust/pages/" + id).status()).isEqualTo(204);
        assertThat(anonymous("/trust/" + client.slug()).status()).isEqualTo(404);
    }

    // --- figures ---

    @Test
    void aClientsPageShowsItsFiguresAsTheComplianceReportAndTheMonitorCountThem() {
        created(api().post("/api/v1/trust/pages", clientPage("Contoso status", true)));
        Instant now = clock.instant();
        TrustSnapshots.Entry entry = snapshots.bySlug(client.slug()).orElseThrow();
        PageFigures figures = entry.figures();

        PageFigures.SystemFigures shownErp = figures.systems().get(0);
        assertThat(shownErp.name()).isEqualTo("ERP");
        assertThat(shownErp.decimals()).isEqualTo(1);
        BigDecimal measured = availability
                .uptime(
                        monitors.find(UUID.fromString(erp.id()), Scope.everything())
                                .orElseThrow(),
                        now.minus(Duration.ofDays(30)),
                        now)
                .availability();
        // 43 min down in the 2 days watched: 98.50694…, shown with the target's one decimal, rounded down.
        assertThat(measured).isBetween(new BigDecimal("98.50"), new BigDecimal("98.51"));
        assertThat(shownErp.availability30()).isEqualByComparingTo(measured.setScale(1, RoundingMode.DOWN));
        assertThat(shownErp.days()).hasSize(90);
        assertThat(shownErp.days().get(89).date()).isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC));
        assertThat(figures.systems().get(1).status()).isEqualTo("DOWN");
        assertThat(figures.status()).isEqualTo("MAJOR_OUTAGE");

        // The last 30 days against the compliance report over the days that hold them.
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ComplianceReport report = reports.of(
                client.slug(),
                ReportPeriod.parse(null, today.minusDays(20).toString(), today.toString()),
                Scope.everything());
        ComplianceReport.ClockLine line = report.clocks().stream()
                .filter(l -> l.priority().equals("P1") && l.metric().equals("FIRST_RESPONSE"))
                .findFirst()
                .orElseThrow();
        PageFigures.ClockFigures p1 = figures.clocks().get(0);
        assertThat(p1.metric()).isEqualTo("FIRST_RESPONSE");
        assertThat(p1.last30().stopped()).isEqualTo(line.stopped()).isEqualTo(2);
        assertThat(p1.last30().met()).isEqualTo(line.met()).isEqualTo(1);
        assertThat(p1.last30().metPercent()).isEqualByComparingTo(line.metPercent());
        assertThat(p1.last30().median()).isEqualTo(line.median()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p1.last90().stopped()).isEqualTo(3);
        assertThat(p1.last90().median()).isEqualTo(Duration.ofMinutes(10));
        // Mail has been down since yesterday, far below its target: this month is not met, whatever the clocks.
        assertThat(figures.slaMetThisMonth()).isFalse();

        String html = anonymous("/trust/" + client.slug() + "?lang=en").body();
        assertThat(html)
                .contains("98.5%")
                .contains("50.00%")
                .contains("10\u00a0min")
                .contains("Major outage");
        String french = anonymous("/trust/" + client.slug() + "?lang=fr").body();
        assertThat(french).contains("98,5\u00a0%").contains("50,00\u00a0%").contains("Panne majeure");
    }

    @Test
    void theLanguageIsTheVisitorsChoiceThenTheBrowsersThenThePages() {
        created(api().post(
                        "/api/v1/trust/pages",
                        clientPage("Contoso status", true).replace("\"en\"", "\"fr\"")));
        String base = "/trust/" + client.slug();
        assertThat(anonymous(base).body()).contains("<html lang=\"fr\"");
        assertThat(anonymous(base, "Accept-Language", "de-DE,de;q=0.9").body()).contains("<html lang=\"fr\"");
        assertThat(anonymous(base, "Accept-Language", "en-GB,en;q=0.8").body()).contains("<html lang=\"en\"");
        assertThat(anonymous(base + "?lang=en", "Accept-Language", "fr").body()).contains("<html lang=\"en\"");
        Response badge = anonymous(base + "/badges/status.svg?lang=fr");
        assertThat(badge.body()).contains("\u00e9tat");
        assertThat(badge.header("Vary")).contains("Accept-Language");
    }

    // --- formats ---

    @Test
    void badgesAreSvgWithCacheHeadersTheFeedIsAtomAndTheSummaryHasStatuspagesShape() throws Exception {
        String id = created(api().post("/api/v1/trust/pages", clientPage("Contoso status", true)));
        String incident =
                created(api().post("/api/v1/trust/pages/" + id + "/incidents", incident("Mail delays", mail.id())));
        assertThat(api().post(
                                "/api/v1/trust/pages/" + id + "/incidents/" + incident + "/updates",
                                "{\"status\": \"IDENTIFIED\", \"message\": \"A full queue on the relay.\"}")
                        .status())
                .isEqualTo(201);
        Instant start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        created(api().post("/api/v1/maintenance-windows", """
                {"client": "%s", "monitorId": "%s", "name": "Swap the ERP disks for Contoso", "startsAt": "%s",
                 "endsAt": "%s"}""".formatted(
                        client.slug(), erp.id(), start, start.plus(Duration.ofHours(2)))));
        snapshots.refresh();
        String base = "/trust/" + client.slug();

        for (String badge : List.of(
                "/badges/status.svg",
                "/badges/sla-month.svg",
                "/badges/response-P1.svg",
                "/badges/systems/erp/status.svg",
                "/badges/systems/erp/availability-30d.svg",
                "/badges/systems/erp/availability-90d.svg",
                "/badges/systems/erp/availability-365d.svg",
                "/badges/systems/mail/status.svg")) {
            Response response = anonymous(base + badge);
            assertThat(response.status()).as(badge).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("image/svg+xml");
            assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
            String etag = response.header("ETag");
            assertThat(etag).matches("\"[0-9a-f]{24}\"");
            Document svg = xml(response.body());
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                            .getLength())
                    .isEqualTo(1);
            Response again = anonymous(base + badge, "If-None-Match", etag);
            assertThat(again.status()).as(badge).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        assertThat(anonymous(base + "/badges/systems/erp/availability-30d.svg?lang=en")
                        .body())
                .contains("98.5%");
        assertThat(anonymous(base + "/badges/systems/nope/status.svg").status()).isEqualTo(404);

        Response atom = anonymous(base + "/feed.atom?lang=en");
        assertThat(atom.header("Content-Type")).startsWith("application/atom+xml");
        Element feed = xml(atom.body()).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(feed.getElementsByTagNameNS(ATOM, required).getLength())
                    .as(required)
                    .isGreaterThanOrEqualTo(1);
        }
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated")) {
                assertThat(entry.getElementsByTagNameNS(ATOM, required).getLength())
                        .as("entry " + required)
                        .isEqualTo(1);
            }
            String entryUpdated =
                    entry.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent();
            assertThat(Instant.parse(entryUpdated)).isNotNull();
        }
        Element first = (Element) entries.item(0);
        assertThat(first.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent())
                .isEqualTo("urn:uuid:" + incident);
        assertThat(first.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent())
                .contains("A full queue on the relay.")
                .contains("Mail");
        assertThat(((Element) entries.item(1))
                        .getElementsByTagNameNS(ATOM, "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Planned maintenance: ERP");

        Response summary = anonymous(base + "/api/v2/summary.json");
        assertThat(summary.header("Content-Type")).startsWith("application/json");
        JsonNode json = summary.json();
        assertThat(fieldNames(json))
                .containsExactly("page", "components", "incidents", "scheduled_maintenances", "status");
        assertThat(fieldNames(json.get("page"))).containsExactly("id", "name", "url", "time_zone", "updated_at");
        assertThat(json.get("page").get("name").asString()).isEqualTo("Contoso status");
        assertThat(json.get("components")).hasSize(2);
        for (JsonNode component : json.get("components")) {
            assertThat(fieldNames(component))
                    .contains("id", "name", "status", "created_at", "updated_at", "position", "group", "page_id");
            assertThat(COMPONENT_STATUSES).contains(component.get("status").asString());
        }
        assertThat(json.get("components").get(0).get("name").asString()).isEqualTo("ERP");
        assertThat(json.get("components").get(1).get("status").asString()).isEqualTo("major_outage");
        JsonNode current = json.get("incidents");
        assertThat(current).hasSize(1);
        assertThat(fieldNames(current.get(0)))
                .contains(
                        "id",
                        "name",
                        "status",
                        "impact",
                        "created_at",
                        "updated_at",
                        "shortlink",
                        "incident_updates",
                        "components",
                        "resolved_at",
                        "monitoring_at",
                        "started_at",
                        "page_id");
        assertThat(current.get(0).get("status").asString()).isEqualTo("identified");
        assertThat(current.get(0).get("impact").asString()).isEqualTo("major");
        assertThat(current.get(0).get("incident_updates")).hasSize(2);
        assertThat(current.get(0).get("incident_updates").get(0).get("body").asString())
                .isEqualTo("A full queue on the relay.");
        assertThat(current.get(0).get("components").get(0).get("name").asString())
                .isEqualTo("Mail");
        JsonNode maintenance = json.get("scheduled_maintenances");
        assertThat(maintenance).hasSize(1);
        assertThat(maintenance.get(0).get("status").asString()).isEqualTo("scheduled");
        assertThat(maintenance.get(0).get("impact").asString()).isEqualTo("maintenance");
        assertThat(Instant.parse(maintenance.get(0).get("scheduled_for").asString()))
                .isEqualTo(start);
        assertThat(Instant.parse(maintenance.get(0).get("scheduled_until").asString()))
                .isEqualTo(start.plus(Duration.ofHours(2)));
        assertThat(fieldNames(json.get("status"))).containsExactly("indicator", "description");
        assertThat(json.get("status").get("indicator").asString()).isEqualTo("critical");

        // Gzipped ahead for a browser that accepts it: the same bytes, a validator of its own.
        java.net.http.HttpResponse<byte[]> zipped = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + base + "?lang=en"))
                                .header("Accept-Encoding", "gzip, deflate, br")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary")).contains("Accept-Language, Accept-Encoding");
        String plain = anonymous(base + "?lang=en").body();
        try (var unzip = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(unzip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedTag)
                .isNotEqualTo(anonymous(base + "?lang=en").header("ETag"))
                .endsWith("-gz\"");
        assertThat(anonymous(base + "?lang=en", "Accept-Encoding", "gzip", "If-None-Match", zippedTag)
                        .status())
                .isEqualTo(304);

        // Resolved, the incident leaves the summary and goes into the page's history.
        api().post(
                        "/api/v1/trust/pages/" + id + "/incidents/" + incident + "/updates",
                        "{\"status\": \"RESOLVED\", \"message\": \"The relay drained its queue.\"}");
        assertThat(anonymous(base + "/api/v2/summary.json").json().get("incidents"))
                .isEmpty();
        String html = anonymous(base + "?lang=en").body();
        int history = html.indexOf("id=\"history\"");
        assertThat(html.indexOf("The relay drained its queue.")).isGreaterThan(history);
        assertThat(html.indexOf("The relay drained its queue.")).isLessThan(html.indexOf("A full queue on the relay."));
    }

    @Test
    void aSystemNeverCheckedIsLeftOutOfTheSummaryAndItsStatusSaysSo() {
        created(api().post("/api/v1/trust/pages", """
                {"client": "%s", "slug": "%s", "name": "Contoso status", "language": "en", "published": true,
                 "systems": [{"monitorId": "%s", "name": "ERP"}, {"monitorId": "%s", "name": "Backups"}]}""".formatted(client.slug(), client.slug(), erp.id(), hidden.id())));
        snapshots.refresh();
        String base = "/trust/" + client.slug();

        JsonNode json = anonymous(base + "/api/v2/summary.json").json();
        assertThat(json.get("components")).hasSize(1);
        assertThat(json.get("components").get(0).get("name").asString()).isEqualTo("ERP");
        assertThat(json.get("components").get(0).get("status").asString()).isEqualTo("operational");
        assertThat(json.get("status").get("indicator").asString()).isEqualTo("none");
        assertThat(json.get("status").get("description").asString())
                .isEqualTo("All Systems Operational (1 not checked yet, left out)");
        String html = anonymous(base + "?lang=en").body();
        assertThat(html)
                .contains("Systems not checked yet, left out of this status: 1")
                .contains("Not checked yet");
        assertThat(anonymous(base + "?lang=fr").body()).contains("hors de cet \u00e9tat : 1");
    }

    @Test
    void aSecretPageAnswersOnlyAtItsLinkAndANewLinkEndsTheOld() {
        Response created = api().post(
                        "/api/v1/trust/pages",
                        clientPage("Contoso private status", true).replace("\"PUBLIC\"", "\"SECRET\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String link = created.json().get("secretLink").asString();
        String path = link.substring(link.indexOf("/trust/s/"));
        assertThat(created.json().get("url")).isNull();
        assertThat(api().get("/api/v1/trust/pages/" + id).json().get("secretLink"))
                .isNull();

        assertThat(anonymous("/trust/" + client.slug()).status()).isEqualTo(404);
        Response page = anonymous(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo("private, max-age=30");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).contains(path + "/theme.css").doesNotContain("pledge-secret-link-token");
        assertThat(anonymous(path + "/api/v2/summary.json")
                        .json()
                        .get("page")
                        .get("url")
                        .asString())
                .endsWith(path);

        Response renewed = api().put(
                        "/api/v1/trust/pages/" + id,
                        clientPage("Contoso private status", true)
                                .replace("\"PUBLIC\"", "\"SECRET\"")
                                .replace("\"published\": true", "\"published\": true, \"newSecret\": true"));
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        String next = renewed.json().get("secretLink").asString();
        assertThat(anonymous(path).status()).isEqualTo(404);
        assertThat(anonymous(next.substring(next.indexOf("/trust/s/"))).status())
                .isEqualTo(200);
    }

    @Test
    void theStrictContentSecurityPolicyHoldsAndOnlyTheWidgetMayBeFramed() {
        created(api().post("/api/v1/trust/pages", clientPage("Contoso status", true)));
        Response page = anonymous("/trust/" + client.slug());
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'none'")
                .contains("style-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script").doesNotContain("style=\"");
        assertThat(page.header("Set-Cookie")).isNull();
        Response widget = anonymous("/trust/" + client.slug() + "/widget?lang=fr");
        assertThat(widget.status()).isEqualTo(200);
        assertThat(widget.header("Content-Security-Policy")).contains("frame-ancestors *");
        assertThat(widget.header("X-Frame-Options")).isNull();
        assertThat(widget.body()).doesNotContain("<script").contains("Panne majeure");
        assertThat(Api.at(port)
                        .anonymous()
                        .post("/trust/" + client.slug(), "{}")
                        .status())
                .isIn(401, 403);
    }

    // --- the crawl ---

    @Test
    void aCrawlOfEveryPublicAddressFindsNothingUnpublished() {
        fixture.noMspPage();
        TrustFixture.Client secretClient = fixture.client("Initech Secret");
        TrustFixture.Monitor initechApp = fixture.monitor(secretClient, "initech-app-internal");
        fixture.ticket(secretClient, "P1", Duration.ofDays(2), Duration.ofMinutes(3), Duration.ofHours(1));
        TrustFixture.Client unpublished = fixture.client("Umbrella Unpublished");
        TrustFixture.Monitor umbrellaDb = fixture.monitor(unpublished, "umbrella-db-internal");
        fixture.ticket(unpublished, "P2", Duration.ofDays(2), Duration.ofMinutes(3), null);

        String msp = created(api().post("/api/v1/trust/pages", """
                {"name": "Northwind Managed IT", "accentColour": "#0b3d62", "language": "en", "published": true,
                 "systems": [{"monitorId": "%s", "name": "Hosted ERP"}],
                 "figures": [{"metric": "FIRST_RESPONSE", "priority": "P1"}, {"metric": "RESOLUTION", "priority": "P1"}]}""".formatted(erp.id())));
        created(api().post("/api/v1/trust/pages/" + msp + "/incidents", incident("ERP slow", erp.id())));
        created(api().post("/api/v1/trust/pages", clientPage("Contoso status", true)));
        Response secret = api().post("/api/v1/trust/pages", """
                {"client": "%s", "slug": "%s", "name": "Private status", "visibility": "SECRET", "published": true,
                 "systems": [{"monitorId": "%s", "name": "Line of business app"}]}""".formatted(
                        secretClient.slug(), secretClient.slug(), initechApp.id()));
        assertThat(secret.status()).as(secret.toString()).isEqualTo(201);
        String secretLink = secret.json().get("secretLink").asString();
        String secretPath = secretLink.substring(secretLink.indexOf("/trust/s/"));
        // Visitors subscribed to each page: no public answer shows who.
        List<String> subscribers = new ArrayList<>();
        for (String base : List.of("/trust", "/trust/" + client.slug(), secretPath)) {
            String address = unique("subscriber") + "@example.com";
            Response subscribed = Api.at(port)
                    .anonymous()
                    .post(base + "/api/v2/subscriptions", "{\"email\": \"%s\"}".formatted(address));
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(202);
            subscribers.add(address);
        }
        snapshots.refresh();

        List<String> forbidden = new ArrayList<>();
        forbidden.addAll(subscribers);
        forbidden.addAll(List.of(client.name(), secretClient.name(), unpublished.name()));
        forbidden.addAll(List.of("Contoso Pharma", "Initech", "Umbrella", "Fabrikam"));
        forbidden.addAll(List.of(erp.name(), mail.name(), hidden.name(), initechApp.name(), umbrellaDb.name()));
        forbidden.addAll(List.of("internal", "secret-backup", "Payroll export"));
        forbidden.addAll(fixture.ticketIds);
        forbidden.addAll(fixture.subjects);
        forbidden.addAll(fixture.notes);
        forbidden.addAll(List.of(erp.id(), mail.id(), hidden.id(), initechApp.id(), umbrellaDb.id()));
        forbidden.addAll(List.of(client.id(), secretClient.id(), unpublished.id(), unpublished.slug()));

        Map<String, Integer> visited = crawl(List.of("/trust", "/trust/" + client.slug(), secretPath));
        assertThat(visited)
                .allSatisfy((url, status) -> assertThat(status).as(url).isEqualTo(200));
        // The page, widget, feed, summary, stylesheet and badges of each of the three pages, in both languages.
        assertThat(visited.keySet().stream().filter(u -> u.contains("/badges/")))
                .hasSizeGreaterThanOrEqualTo(12);
        assertThat(visited.keySet()).anyMatch(u -> u.startsWith(secretPath + "/feed.atom"));
        assertThat(visited.keySet()).anyMatch(u -> u.startsWith("/trust/widget"));
        for (String url : visited.keySet()) {
            for (String lang : List.of("", "en", "fr")) {
                String body = anonymous(url.contains("?") || lang.isEmpty() ? url : url + "?lang=" + lang)
                        .body();
                for (String text : forbidden) {
                    assertThat(body).as(url + " shows " + text).doesNotContainIgnoringCase(text);
                }
            }
        }
        // The secret page's slug is not an address, and its client's name shows nowhere else.
        assertThat(anonymous("/trust/" + secretClient.slug()).status()).isEqualTo(404);
        assertThat(anonymous("/trust/" + unpublished.slug()).status()).isEqualTo(404);
    }

    // --- helpers ---

    /** Every address below /trust reachable from the pages, by the links and images they carry. */
    private Map<String, Integer> crawl(List<String> starts) {
        Map<String, Integer> visited = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(starts);
        Pattern link = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
        while (!queue.isEmpty() && visited.size() < 500) {
            String url = queue.poll();
            if (visited.containsKey(url)) {
                continue;
            }
            Response response = anonymous(url);
            visited.put(url, response.status());
            String type = response.header("Content-Type");
            if (type == null || !(type.startsWith("text/html") || type.contains("xml"))) {
                continue;
            }
            Matcher found = link.matcher(response.body());
            while (found.find()) {
                String target = found.group(1).replace("&amp;", "&");
                if (target.startsWith("https://pledge.msp.example/")) {
                    target = target.substring(target.indexOf("/trust"));
                }
                if (target.startsWith("?")) {
                    target = url.replaceAll("\\?.*", "") + target;
                }
                int hash = target.indexOf('#');
                if (hash >= 0) {
                    target = target.substring(0, hash);
                }
                if (target.startsWith("/trust") && !visited.containsKey(target)) {
                    queue.add(target);
                }
            }
        }
        return visited;
    }

    private String clientPage(String name, boolean published) {
        return """
                {"client": "%s", "slug": "%s", "name": "%s", "accentColour": "#7a1f5c", "language": "en",
                 "visibility": "PUBLIC", "published": %s,
                 "systems": [{"monitorId": "%s", "name": "ERP"}, {"monitorId": "%s", "name": "Mail"}],
                 "figures": [{"metric": "FIRST_RESPONSE", "priority": "P1"}, {"metric": "RESOLUTION", "priority": "P1"}]}""".formatted(client.slug(), client.slug(), name, published, erp.id(), mail.id());
    }

    private static String incident(String title, String monitor) {
        return """
                {"title": "%s", "impact": "MAJOR", "status": "INVESTIGATING", "systems": ["%s"],
                 "message": "We are looking into it."}""".formatted(title, monitor);
    }

    private void assertRefused(int status, String template, String... fields) {
        Response response = api().post("/api/v1/trust/pages", template.formatted(client.slug()));
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().findValuesAsString("field"))
                .as(response.toString())
                .containsExactlyInAnyOrder(fields);
    }

    private int pageCount() {
        int count = 0;
        for (JsonNode page : api().get("/api/v1/trust/pages").json()) {
            if (page.get("clientId") != null && page.get("clientId").asString().equals(client.id())) {
                count++;
            }
        }
        return count;
    }

    private Response anonymous(String path, String... headers) {
        return Api.at(port).anonymous().send("GET", path, null, headers);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String created(Response response) {
        return TrustFixture.created(response);
    }
}
