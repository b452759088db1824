package io.pledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.ServiceNowExport;
import io.pledge.tickets.imports.Importer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** CSV imports over HTTP: presets, modes, idempotency. Run on H2 and PostgreSQL. */
public abstract class ImportApiContract extends DatabaseIntegrationTest {

    static final Path SAMPLE = Path.of("src/test/resources/servicenow-incident-events.csv");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    String slug;

    @BeforeEach
    void clientWithContract() {
        String calendar = api().post("/api/v1/calendars", CatalogApiContract.PARIS)
                .json()
                .get("id")
                .asString();
        String tier = api().post("/api/v1/tiers", """
                        {"name": "%s", "policy": {"targets": [
                          {"priority": "P1", "metric": "RESOLUTION", "target": "PT4H"},
                          {"priority": "P2", "metric": "RESOLUTION", "target": "PT8H"},
                          {"priority": "P3", "metric": "RESOLUTION", "target": "PT16H"},
                          {"priority": "P4", "metric": "RESOLUTION", "target": "PT40H"},
                          {"priority": "P1", "metric": "FIRST_RESPONSE", "target": "PT15M"}]}}""".formatted(unique("Silver")))
                .json()
                .get("id")
                .asString();
        slug = unique("northwind");
        String client = api().post(
                        "/api/v1/clients",
                        "{\"name\": \"Northwind\", \"slug\": \"%s\", \"zone\": \"Europe/Paris\"}".formatted(slug))
                .json()
                .get("id")
                .asString();
        api().post("/api/v1/clients/" + client + "/contracts", """
                {"tierId": "%s", "calendarId": "%s", "startDate": "2020-01-01", "monthlyFee": 650, "currency": "EUR"}""".formatted(tier, calendar));
    }

    @Test
    void importsAServiceNowExportWithClocksAndDuplicatesNothingTheSecondTime() throws Exception {
        JsonNode job = importAndWait(Files.readAllBytes(SAMPLE), Map.of());

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(1580);
        assertThat(job.get("tickets").asLong()).isEqualTo(300);
        assertThat(job.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(count("select count(*) from ticket where source = :source")).isEqualTo(300);
        assertThat(count("""
                        select count(*) from ticket_clock c join ticket t on t.id = c.ticket_id
                        where t.source = :source and c.metric = 'RESOLUTION'""")).isEqualTo(300);
        // Every sample incident was resolved and closed: its resolution clock stopped.
        assertThat(count("""
                        select count(*) from ticket_clock c join ticket t on t.id = c.ticket_id
                        where t.source = :source and c.metric = 'RESOLUTION' and c.stopped_at is null""")).isZero();
        long events = count("select count(*) from ticket_event where source = :source");
        // The import is one entry of the client's audit chain: counts, and a digest of every event stored.
        String audited = jdbc.sql("select details from audit_entry where action = 'import.stored' and subject = :s")
                .param("s", "import:" + job.get("id").asString())
                .query(String.class)
                .single();
        assertThat(audited).startsWith("tickets=300;events=" + events + ";events-sha256=");

        JsonNode again = importAndWait(Files.readAllBytes(SAMPLE), Map.of());

        assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("events").asLong()).isZero();
        assertThat(count("select count(*) from ticket where source = :source")).isEqualTo(300);
        assertThat(count("select count(*) from ticket_event where source = :source"))
                .isEqualTo(events);
    }

    @Test
    void oneInvalidRowStoresNothingUnlessInvalidRowsAreSkipped() throws Exception {
        byte[] withOddRow = (Files.readString(SAMPLE)
                        + "INC9999999,-100,true,0,0,0,true,Caller 1,Opened by 1,28/5/2025 17:54,Created by 1,28/5/2025 17:56,"
                        + "Updated by 1,28/5/2025 18:02,Email,Location 1,Category 1,Subcategory 1,Symptom 1,?,1 - High,"
                        + "1 - High,1 - Critical,Group 1,?,false,false,Do Not Notify,?,?,?,?,code 4,?,?,?\n")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode strict = importAndWait(withOddRow, Map.of());
        assertThat(strict.get("state").asString()).isEqualTo("FAILED");
        assertThat(strict.get("errors").get(0).get("line").asInt()).isEqualTo(1582);
        assertThat(strict.get("errors").get(0).get("message").asString()).contains("-100");
        assertThat(count("select count(*) from ticket where source = :source")).isZero();

        JsonNode lenient = importAndWait(withOddRow, Map.of("mode", "skip-invalid"));
        assertThat(lenient.get("state").asString()).as(lenient.toString()).isEqualTo("SUCCEEDED_WITH_REJECTIONS");
        assertThat(lenient.get("rejected").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from ticket where source = :source")).isEqualTo(300);
    }

    @Test
    void aFileOfManyChunksIsStoredWholeOrNotAtAll(@TempDir Path folder) throws Exception {
        Path export = folder.resolve("export.csv");
        long rows = ServiceNowExport.write(export, 25_000, LocalDateTime.of(2025, 1, 2, 8, 0), 7);
        List<String> lines = Files.readAllLines(export);
        long incidents = lines.stream()
                .skip(1)
                .map(line -> line.split(",")[0])
                .distinct()
                .count();
        // Four chunks at least: the first three hold 1, 2 and 4 times the first one's tickets.
        assertThat(incidents).isGreaterThan(7L * Importer.FIRST_CHUNK);
        // An update stamped in 2099 is refused when the events are checked, after the file is read: one in
        // an incident of the second chunk of tickets checked (the first chunk is written by then), one in
        // the last incident, so in the last chunk.
        String future =
                "INC%d,Active,true,0,0,1,true,Caller 1,Opened by 1,28/5/2025 17:54,Created by 1,28/5/2025 17:56,"
                        + "Updated by 1,1/1/2099 10:00,Email,Location 1,Category 1,Subcategory 1,Symptom 1,?,1 - High,"
                        + "1 - High,1 - Critical,Group 1,?,false,false,Do Not Notify,?,?,?,?,code 4,?,?,?";
        String opened = future.replace("Active", "New")
                .replace(",1,true,", ",0,true,")
                .replace("1/1/2099 10:00", "28/5/2025 18:00");
        int second = 1;
        while (!lines.get(second).startsWith("INC" + (8_000_000 + Importer.FIRST_CHUNK * 2) + ",")) {
            second++;
        }
        List<String> withFuture = new ArrayList<>(lines.subList(0, second));
        withFuture.add(opened.formatted(9_999_998));
        withFuture.add(future.formatted(9_999_998));
        withFuture.addAll(lines.subList(second, lines.size()));
        withFuture.add(opened.formatted(9_999_999));
        withFuture.add(future.formatted(9_999_999));
        byte[] file = (String.join("\n", withFuture) + "\n").getBytes(StandardCharsets.UTF_8);

        JsonNode strict = importAndWait(file, Map.of());

        assertThat(strict.get("state").asString()).as(strict.toString()).isEqualTo("FAILED");
        assertThat(strict.get("errors").findValuesAsString("message"))
                .hasSize(2)
                .allMatch(message -> message.contains("in the future"));
        assertThat(strict.get("errors").findValues("line").stream().map(JsonNode::asInt))
                .containsExactly(second + 2, withFuture.size());
        // Chunks written before the last one was refused are gone with the transaction.
        assertThat(count("select count(*) from ticket where source = :source")).isZero();
        assertThat(count("select count(*) from ticket_event where source = :source"))
                .isZero();

        JsonNode lenient = importAndWait(file, Map.of("mode", "skip-invalid"));

        assertThat(lenient.get("state").asString()).as(lenient.toString()).isEqualTo("SUCCEEDED_WITH_REJECTIONS");
        assertThat(lenient.get("rowsRead").asLong()).isEqualTo(rows + 4);
        assertThat(lenient.get("tickets").asLong()).isEqualTo(incidents + 2);
        assertThat(count("select count(*) from ticket where source = :source")).isEqualTo(incidents + 2);
        assertThat(count("select count(*) from ticket_event where source = :source"))
                .isEqualTo(lenient.get("events").asLong());
        assertThat(count("""
                        select count(*) from ticket_clock c join ticket t on t.id = c.ticket_id
                        where t.source = :source and c.metric = 'RESOLUTION'""")).isEqualTo(incidents + 2);
    }

    @Test
    void aWriteThatFailsHalfWayStoresNothingAndEndsTheChecks(@TempDir Path folder) throws Exception {
        Path export = folder.resolve("export.csv");
        ServiceNowExport.write(export, 25_000, LocalDateTime.of(2025, 1, 2, 8, 0), 11);
        List<String> lines = Files.readAllLines(export);
        assertThat(lines.stream()
                        .skip(1)
                        .map(line -> line.split(",")[0])
                        .distinct()
                        .count())
                .isGreaterThan(7L * Importer.FIRST_CHUNK);
        // A valid incident the database refuses, in the first chunk; three more chunks follow, one more than
        // can wait to be written, so the checking thread waits for room until told that none will come.
        String marked = lines.get(1).replaceFirst("^INC\\d+,", "INC7777777,");
        List<String> withMarked = new ArrayList<>(List.of(lines.get(0), marked));
        withMarked.addAll(lines.subList(1, lines.size()));
        byte[] file = (String.join("\n", withMarked) + "\n").getBytes(StandardCharsets.UTF_8);
        jdbc.sql("alter table ticket_event add constraint refuses_marked check (event_id not like 'INC7777777/%')")
                .update();
        JsonNode job;
        try {
            job = importAndWait(file, Map.of());
        } finally {
            jdbc.sql("alter table ticket_event drop constraint refuses_marked").update();
        }

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.get("errors").get(0).get("message").asString()).contains("nothing was stored");
        assertThat(count("select count(*) from ticket where source = :source")).isZero();
        // The thread that checked the rest of the file stops, rather than wait for writes that never come.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (checking() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // polling the threads; the test fails if one is still checking after 10 s
        }
        assertThat(checking()).isFalse();

        JsonNode again = importAndWait(Files.readAllBytes(export), Map.of());
        assertThat(again.get("state").asString()).as(again.toString()).isEqualTo("SUCCEEDED");
    }

    /** Whether a thread is still checking an import. */
    private static boolean checking() {
        return Thread.getAllStackTraces().values().stream()
                .flatMap(java.util.Arrays::stream)
                .anyMatch(frame -> frame.getClassName().endsWith("Importer$Checks"));
    }

    @Test
    void importsAGenericOneRowPerTicketFile() throws Exception {
        String csv = """
                Ticket,Prio,Opened,First reply,Solved
                G-1,P1,2026-03-30 09:00,2026-03-30 09:10,2026-03-30 12:00
                G-2,2 - High,30/3/2026 10:00,,
                """;
        Map<String, String> form = Map.of(
                "preset", "generic",
                "columns",
                        "{\"id\": \"Ticket\", \"priority\": \"Prio\", \"created\": \"Opened\", \"firstResponse\": \"First reply\", \"resolved\": \"Solved\"}");

        JsonNode job = importAndWait(csv.getBytes(StandardCharsets.UTF_8), form);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("tickets").asLong()).isEqualTo(2);
        assertThat(count("select count(*) from ticket where source = :source and status = 'RESOLVED'"))
                .isEqualTo(1);
        assertThat(count("""
                        select count(*) from ticket_clock c join ticket t on t.id = c.ticket_id
                        where t.source = :source and c.metric = 'FIRST_RESPONSE' and c.state = 'MET'""")).isEqualTo(1);
    }

    @Test
    void anInvalidImportRequestNamesTheField() {
        Response missing =
                api().multipart("/api/v1/imports", Map.of("preset", "zendesk", "zone", "Mars/Base"), null, null);
        Response unknownClient = api().multipart(
                        "/api/v1/imports",
                        Map.of("preset", "servicenow", "zone", "UTC", "client", "nobody"),
                        "x.csv",
                        new byte[] {'a'});

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().findValuesAsString("field")).contains("file", "preset", "client", "zone");
        assertThat(unknownClient.status()).isEqualTo(422);
        assertThat(api().get("/api/v1/imports/7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRejectedImportLeavesNoCopyOfItsFileBehind() throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = importCopies(temporary);

        Response unknownClient = api().multipart(
                        "/api/v1/imports",
                        Map.of("preset", "servicenow", "zone", "UTC", "client", "nobody"),
                        "x.csv",
                        "number,opened_at\n".repeat(1000).getBytes(StandardCharsets.UTF_8));

        assertThat(unknownClient.status()).as(unknownClient.toString()).isEqualTo(422);
        assertThat(unknownClient.json().findValuesAsString("field")).containsExactly("client");
        List<Path> left = importCopies(temporary);
        left.removeAll(before);
        assertThat(left).as("import copies left in " + temporary).isEmpty();
    }

    private static List<Path> importCopies(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return new ArrayList<>(
                    files.filter(file -> file.getFileName().toString().startsWith("pledge-import-"))
                            .toList());
        }
    }

    @Test
    void pastImportsAreListedNewestFirstPageByPageWithTheirCounts() throws Exception {
        String sample = Files.readString(SAMPLE);
        String odd =
                "INC9999999,-100,true,0,0,0,true,Caller 1,Opened by 1,28/5/2025 17:54,Created by 1,28/5/2025 17:56,"
                        + "Updated by 1,28/5/2025 18:02,Email,Location 1,Category 1,Subcategory 1,Symptom 1,?,1 - High,"
                        + "1 - High,1 - Critical,Group 1,?,false,false,Do Not Notify,?,?,?,?,code 4,?,?,?\n";
        JsonNode done = importAndWait(sample.getBytes(StandardCharsets.UTF_8), Map.of());
        clock.advance(Duration.ofSeconds(1));
        JsonNode failed = importAndWait((sample + odd).getBytes(StandardCharsets.UTF_8), Map.of());
        clock.advance(Duration.ofSeconds(1));
        JsonNode rejected =
                importAndWait((sample + odd).getBytes(StandardCharsets.UTF_8), Map.of("mode", "skip-invalid"));
        // Counted as the upload was stored: the rows the import then read.
        assertThat(done.get("rowsTotal").asLong())
                .isEqualTo(1580)
                .isEqualTo(done.get("rowsRead").asLong());
        assertThat(rejected.get("rowsTotal").asLong()).isEqualTo(1581);

        // Every import, page after page of two: newest first, none twice, none missing.
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api().get("/api/v1/imports?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isBetween(1, 2);
            page.json().get("items").forEach(all::add);
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        assertThat(all).hasSize((int) jdbc.sql("select count(*) from import_job")
                .query(Long.class)
                .single()
                .longValue());
        List<String> ids = all.stream().map(job -> job.get("id").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (int i = 1; i < all.size(); i++) {
            assertThat(Instant.parse(all.get(i).get("startedAt").asString()))
                    .isBeforeOrEqualTo(
                            Instant.parse(all.get(i - 1).get("startedAt").asString()));
        }
        assertThat(ids.indexOf(rejected.get("id").asString()))
                .isLessThan(ids.indexOf(failed.get("id").asString()))
                .isLessThan(ids.indexOf(done.get("id").asString()));

        JsonNode listed = all.get(ids.indexOf(rejected.get("id").asString()));
        assertThat(listed.get("state").asString()).isEqualTo("SUCCEEDED_WITH_REJECTIONS");
        assertThat(listed.get("rowsRead").asLong()).isEqualTo(1581);
        assertThat(listed.get("rowsAccepted").asLong()).isEqualTo(1580);
        assertThat(listed.get("rejected").asLong()).isEqualTo(1);
        assertThat(listed.get("createdBy").asString()).isNotBlank();
        assertThat(listed.get("preset").asString()).isEqualTo("SERVICENOW");
        assertThat(listed.get("fileName").asString()).isEqualTo("export.csv");
        assertThat(listed.get("errors")).isEmpty();
        JsonNode listedFailed = all.get(ids.indexOf(failed.get("id").asString()));
        assertThat(listedFailed.get("state").asString()).isEqualTo("FAILED");
        assertThat(listedFailed.get("rowsAccepted").asLong()).isZero();

        assertThat(api().get("/api/v1/imports?limit=0").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/imports?cursor=not-a-cursor").status()).isEqualTo(400);
    }

    private JsonNode importAndWait(byte[] file, Map<String, String> extra) throws InterruptedException {
        java.util.Map<String, String> form =
                new java.util.HashMap<>(Map.of("preset", "servicenow", "client", slug, "zone", "Europe/Paris"));
        form.putAll(extra);
        Response started = api().multipart("/api/v1/imports", form, "export.csv", file);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode job = started.json();
        while (job.get("state").asString().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // polling the job, as a client does; not a timing assumption
            job = api().get(location).json();
        }
        return job;
    }

    private long count(String sql) {
        long servicenow = jdbc.sql(sql)
                .param("source", "servicenow/" + slug)
                .query(Long.class)
                .single();
        long generic = jdbc.sql(sql)
                .param("source", "import/" + slug)
                .query(Long.class)
                .single();
        return servicenow + generic;
    }
}
