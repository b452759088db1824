package io.pledge.tickets.web;

import static io.pledge.tickets.web.SourcePagesTest.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.PageClient;
import io.pledge.support.PageClient.Page;
import io.pledge.support.TestCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The imports' pages over HTTP: the upload form refuses what the API refuses, each violation next to its
 * field; an upload starts the import and leads to its page, whose progress fragment htmx polls while it
 * runs and which, once it ends, stops polling and lists the rejected rows by line number.
 */
class ImportPagesTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";
    /** A ServiceNow row whose state is no state. */
    private static final String ODD = "INC9999999,-100,true,0,0,0,true,Caller 1,Opened by 1,28/5/2025 17:54,"
            + "Created by 1,28/5/2025 17:56,Updated by 1,28/5/2025 18:02,Email,Location 1,Category 1,Subcategory 1,"
            + "Symptom 1,?,1 - High,1 - High,1 - Critical,Group 1,?,false,false,Do Not Notify,?,?,?,?,code 4,?,?,?";

    private static final Path SAMPLE = Path.of("src/test/resources/servicenow-incident-events.csv");

    @Test
    void theFormShowsTheApisViolationsNextToTheirFields() {
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        Page form = manager.get("/imports");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"", "name=\"_csrf\"");

        Page refused = manager.postFile(
                "/imports/new",
                Map.of(
                        "preset",
                        "GENERIC",
                        "client",
                        "",
                        "zone",
                        "Mars/Olympus",
                        "mode",
                        "ALL_OR_NOTHING",
                        "states",
                        "",
                        "columns",
                        "id Ticket"),
                "file",
                "empty.csv",
                new byte[0]);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorsOf(refused, "file")).contains("a CSV file is required");
        assertThat(errorsOf(refused, "client")).contains("is required");
        assertThat(errorsOf(refused, "zone")).contains("Mars/Olympus");
        assertThat(errorsOf(refused, "columns")).contains("line 1 must read label = value");

        Page unknownState = manager.postFile(
                "/imports/new",
                Map.of(
                        "preset",
                        "SERVICENOW",
                        "client",
                        "no-such-client",
                        "zone",
                        "UTC",
                        "mode",
                        "SKIP_INVALID",
                        "states",
                        "Awaiting Problem = PONDERING",
                        "columns",
                        ""),
                "file",
                "x.csv",
                "number\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknownState.status()).isEqualTo(422);
        assertThat(errorsOf(unknownState, "states")).contains("Awaiting Problem: ", "PONDERING");
        assertThat(unknownState.body()).contains("Awaiting Problem = PONDERING</textarea>");
    }

    @Test
    void anUploadShowsItsProgressThenTheRejectedRowsByLine() throws Exception {
        TestCatalog catalog = TestCatalog.create(api());
        List<String> sample = Files.readAllLines(SAMPLE);
        String csv = String.join("\n", sample.subList(0, 4)) + "\n" + ODD + "\n";
        PageClient manager = PageClient.signIn(port, createUser("MANAGER"), PASSWORD, "en");
        manager.get("/imports");
        Page started = manager.postFile(
                "/imports/new",
                Map.of(
                        "preset",
                        "SERVICENOW",
                        "client",
                        catalog.slug(),
                        "zone",
                        "UTC",
                        "mode",
                        "SKIP_INVALID",
                        "states",
                        "",
                        "columns",
                        ""),
                "file",
                "incidents.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String path = started.location().replaceAll("^https?://[^/]+", "");
        assertThat(path).matches("/imports/[0-9a-f-]{36}");

        Page page = manager.get(path);
        assertThat(page.status()).isEqualTo(200);
        // Four rows after the header (the last one odd), counted as the upload was stored.
        assertThat(page.body()).contains("Import of incidents.csv", "id=\"import-bar\"", "rows read, of 4");
        if (page.body().contains("Running")) {
            assertThat(page.body()).contains("hx-get=\"/imports/", "/progress\"", "hx-trigger=\"every ");
        }
        String id = path.substring("/imports/".length());
        Page progress = manager.get("/imports/" + id + "/progress");
        for (int i = 0;
                i < 100
                        && progress.body().contains("import.state.RUNNING")
                                | progress.body().contains(">Running<");
                i++) {
            Thread.sleep(100);
            progress = manager.get("/imports/" + id + "/progress");
        }
        assertThat(progress.body())
                .startsWith("<section id=\"import-progress\"")
                .doesNotContain("hx-get")
                .contains("Done, rows rejected", "max=\"4\" value=\"4\"", "data-line=\"5\"", "-100")
                .doesNotContain("<html");
        assertThat(api().get("/api/v1/imports/" + id).json().get("rejected").asLong())
                .isEqualTo(1);

        // The form's page lists it among the past imports, with its counts and who started it.
        String listed = manager.get("/imports").body();
        assertThat(listed).contains("id=\"past-imports\"", "href=\"/imports/" + id + "\"");
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        "<tr[^>]*data-import=\"" + id + "\"[^>]*>(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(listed);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "))
                .contains("incidents.csv", "Acme", "Done, rows rejected", " 4 ", " 3 ", " 1 ", "@msp.example");
    }

    @Test
    void unResponsableEnregistreUneSourcePuisImporteUnHistoriqueEnFrancais(@TempDir Path folder) throws Exception {
        TestCatalog catalog = TestCatalog.create(api());
        List<String> sample = Files.readAllLines(SAMPLE);
        Path csv = folder.resolve("incidents.csv");
        Files.writeString(csv, String.join("\n", sample.subList(0, 40)) + "\n" + ODD + "\n");
        try (Browser opened = Browser.open(Duration.ofSeconds(10), "fr")) {
            WebDriver browser = opened.driver();
            browser.get(url("/login"));
            opened.signIn(createUser("MANAGER"), PASSWORD);

            browser.get(url("/sources/new"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Enregistrer une source");
            String name = unique("halo");
            browser.findElement(By.id("name")).sendKeys(name);
            opened.submit(By.id("save-source"));
            assertThat(browser.findElement(By.id("secret")).getText()).contains("conservez-le");
            browser.findElement(By.id("label-0")).sendKeys("En attente fournisseur");
            browser.findElement(By.cssSelector("#status-0 option[value='WAITING_ON_VENDOR']"))
                    .click();
            opened.submit(By.id("save-mapping"));
            assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo("Correspondance enregistrée.");
            assertAccessible(opened);
            opened.screenshot(Path.of("target/screenshots/source-fr.png"));

            opened.submit(By.linkText("Imports"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Importer un historique");
            browser.findElement(By.cssSelector("#client option[value='" + catalog.slug() + "']"))
                    .click();
            browser.findElement(By.cssSelector("#mode option[value='SKIP_INVALID']"))
                    .click();
            browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            assertAccessible(opened);
            opened.submit(By.id("start-import"));
            assertThat(browser.findElement(By.id("import-name")).getText()).isEqualTo("Import de incidents.csv");
            // Once the import ends (htmx reloads the progress while it runs): the rejected row, by its line.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!stateReads(browser, "Terminé") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            WebElement rejected = browser.findElement(By.cssSelector("#rejected-rows tr[data-line='41']"));
            assertThat(rejected.getText()).contains("41", "-100");
            assertThat(browser.findElement(By.id("rejected")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("import-bar")).getAttribute("value"))
                    .isEqualTo(browser.findElement(By.id("import-bar")).getAttribute("max"));
            assertAccessible(opened);
            opened.screenshot(Path.of("target/screenshots/import-fr.png"));

            // The form's page lists it among the past imports, with its counts, and passes axe-core.
            String id = browser.getCurrentUrl().replaceAll(".*/imports/", "");
            opened.submit(By.linkText("Importer un autre fichier"));
            WebElement past = browser.findElement(By.cssSelector("#past-imports tr[data-import='" + id + "']"));
            assertThat(past.getText()).contains("incidents.csv", "Terminé", "40", "39", "1");
            assertAccessible(opened);
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("document.getElementById('past-heading').scrollIntoView()");
            opened.screenshot(Path.of("target/screenshots/imports-fr.png"));
        }
    }

    /** Whether the import's state reads {@code text}; htmx may replace the section between find and read. */
    private static boolean stateReads(WebDriver browser, String text) {
        try {
            return browser.findElement(By.id("import-state")).getText().contains(text);
        } catch (StaleElementReferenceException replaced) {
            return false;
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void assertAccessible(Browser opened) {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on "
                        + opened.driver().getCurrentUrl())
                .isEmpty();
    }

    private String createUser(String role) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }
}
