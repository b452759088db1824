package io.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.PledgeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The executable jar as a newcomer runs it: no configuration but an empty data folder, embedded H2,
 * first-start bootstrap, restart on the same data, and the opt-in demo catalog.
 */
class ExecutableJarIT {

    private static final String TOKEN = "jar-test-bootstrap-token-0123456789abcdef";

    @TempDir
    Path data;

    private final List<PledgeProcess> started = new ArrayList<>();
    private final List<Process> importers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (PledgeProcess process : started) {
            process.stop();
        }
        for (Process process : importers) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void runsOnAnEmbeddedDatabaseWithNoSetupAndBootstrapsOnlyOnce() throws Exception {
        PledgeProcess first = start(Map.of());
        assertThat(first.api().get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
        // The generated password is in an owner-only file of the data folder, never in the log.
        Path passwordFile = data.resolve("initial-admin-password");
        assertThat(first.output()).contains(passwordFile.toString());
        String password = Files.readString(passwordFile).strip();
        assertThat(first.output()).doesNotContain(password);
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        Api admin = first.api().withPassword("admin@pledge.local", password);
        assertThat(first.api().get("/api/v1/calendars").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/calendars").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tiers").json().size()).isZero();
        assertThat(Files.list(data).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("pledge"));
        first.stop();

        Files.delete(passwordFile);
        PledgeProcess second = start(Map.of("PLEDGE_BOOTSTRAP_TOKEN", TOKEN));
        assertThat(second.output()).doesNotContain("initial-admin-password");
        assertThat(passwordFile).doesNotExist();
        assertThat(second.api()
                        .withPassword("admin@pledge.local", password)
                        .get("/api/v1/calendars")
                        .status())
                .isEqualTo(200);
        // Not a first start: the bootstrap token is ignored.
        assertThat(second.api().withToken(TOKEN).get("/api/v1/calendars").status())
                .isEqualTo(401);
    }

    @Test
    void theBootstrapTokenAndTheDemoCatalogOnAFreshDatabase() throws Exception {
        PledgeProcess running = start(Map.of(
                "PLEDGE_BOOTSTRAP_TOKEN", TOKEN,
                "PLEDGE_ADMIN_EMAIL", "ops@msp.example",
                "PLEDGE_ADMIN_PASSWORD", "a-long-admin-password",
                "PLEDGE_DEMO", "true"));
        Api api = running.api().withToken(TOKEN);

        assertThat(running.output()).doesNotContain("initial-admin-password");
        assertThat(running.output()).doesNotContain(TOKEN).doesNotContain("a-long-admin-password");
        assertThat(api.get("/api/v1/tiers").json().findValuesAsString("name")).contains("Bronze", "Gold", "Silver");
        assertThat(api.get("/api/v1/clients").json().findValuesAsString("slug"))
                .contains("acme", "durand", "northwind");
        assertThat(api.get("/api/v1/clients/acme/contract").status()).isEqualTo(200);
        assertThat(running.api()
                        .withPassword("ops@msp.example", "a-long-admin-password")
                        .get("/api/v1/tiers")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anImportKilledHalfWayLeavesNothingAndRunsAgainWithoutDuplicates() throws Exception {
        // The demo catalog gives client acme a contract for the current year.
        PledgeProcess server = start(Map.of("PLEDGE_BOOTSTRAP_TOKEN", TOKEN, "PLEDGE_DEMO", "true"));
        server.stop();
        Path export = data.resolve("export.csv");
        int year = java.time.LocalDate.now().getYear();
        long rows = io.pledge.support.ServiceNowExport.write(
                export, 60_000, java.time.LocalDateTime.of(year, 1, 2, 8, 0), 7);

        Process killed = importer(export, data.resolve("killed.log"));
        awaitOutput(killed, data.resolve("killed.log"), "storing:");
        killed.destroyForcibly().waitFor();

        PledgeProcess afterCrash = start(Map.of());
        Api api = afterCrash.api().withToken(TOKEN);
        assertThat(api.get("/api/v1/tickets?client=acme").json().get("items").size())
                .isZero();
        afterCrash.stop();

        Process complete = importer(export, data.resolve("complete.log"));
        assertThat(complete.waitFor())
                .as(Files.readString(data.resolve("complete.log")))
                .isZero();
        assertThat(Files.readString(data.resolve("complete.log"))).contains("SUCCEEDED: " + rows + " rows read");
        Process again = importer(export, data.resolve("again.log"));
        assertThat(again.waitFor()).isZero();
        assertThat(Files.readString(data.resolve("again.log"))).contains("0 tickets, 0 events");

        PledgeProcess checked = start(Map.of());
        Api.Response listed = checked.api().withToken(TOKEN).get("/api/v1/tickets?client=acme&limit=500");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode page = listed.json();
        assertThat(page.get("items").size()).isEqualTo(500);
        assertThat(page.get("nextCursor")).isNotNull();
    }

    @Test
    void whatWasAcknowledgedOutlivesAKilledProcess() throws Exception {
        PledgeProcess running = start(Map.of("PLEDGE_BOOTSTRAP_TOKEN", TOKEN, "PLEDGE_DEMO", "true"));
        Api api = running.api().withToken(TOKEN);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Response created = api.post("/api/v1/tickets", """
                    {"client": "acme", "priority": "P2", "subject": "Mail down %d"}""".formatted(i));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            opened.add(created.json().get("id").asString());
        }
        // Killed (SIGKILL) right after the last answer: no shutdown hook, no closing of the database.
        running.kill();

        Api afterCrash = start(Map.of()).api().withToken(TOKEN);
        for (String ticket : opened) {
            Api.Response read = afterCrash.get("/api/v1/tickets/" + ticket);
            assertThat(read.status())
                    .as("ticket " + ticket + " after the crash: " + read.body())
                    .isEqualTo(200);
        }
    }

    private Process importer(Path export, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        System.getProperty("pledge.jar"),
                        "import",
                        "--preset",
                        "servicenow",
                        "--zone",
                        "Europe/Paris",
                        "--client",
                        "acme",
                        export.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PLEDGE_"));
        builder.environment().put("PLEDGE_DATA_DIR", data.toString());
        Process process = builder.start();
        importers.add(process);
        return process;
    }

    private static void awaitOutput(Process process, Path log, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the import ended before \"" + text + "\":\n" + Files.readString(log));
            }
            process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no \"" + text + "\" in time:\n" + Files.readString(log));
    }

    private PledgeProcess start(Map<String, String> environment) throws Exception {
        PledgeProcess running = PledgeProcess.start(data, environment);
        started.add(running);
        return running;
    }
}
