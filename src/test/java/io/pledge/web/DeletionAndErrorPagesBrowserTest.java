package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.TestCatalog;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * In Chromium, in French, checked with axe-core: a service manager tries to delete a tier still under
 * contract (asked first, then refused with the API's reason), renames it, deletes a client's contract and
 * then the tier, and meets the error page of an address that does not exist, in the shell.
 */
class DeletionAndErrorPagesBrowserTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "manager-password-for-pages";

    private Browser opened;
    private WebDriver browser;
    private ManagerForms forms;

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void aManagerDeletesWhatNoContractUsesAfterConfirmingAndMeetsTheErrorPage() {
        TestCatalog catalog = TestCatalog.create(api());
        String contract = api().get("/api/v1/clients/" + catalog.clientId() + "/contracts")
                .json()
                .get(0)
                .get("id")
                .asString();
        String tier =
                api().get("/api/v1/contracts/" + contract).json().get("tierId").asString();
        String email = unique("manager") + "@msp.example";
        assertThat(api().post("/api/v1/users", """
                        {"email": "%s", "password": "%s", "role": "MANAGER"}""".formatted(email, PASSWORD)).status())
                .isEqualTo(201);
        opened = Browser.open(Duration.ofSeconds(5), "fr");
        browser = opened.driver();
        forms = new ManagerForms(opened);
        browser.get(url("/login"));
        opened.signIn(email, PASSWORD);

        browser.get(url("/tiers/" + tier));
        opened.submit(By.id("delete-tier"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Supprimer un niveau");
        assertThat(browser.findElement(By.id("question")).getText()).startsWith("Supprimer le niveau Gold-");
        forms.assertAccessible();
        opened.submit(By.id("confirm"));
        assertThat(browser.findElement(By.id("refused")).getText())
                .contains("Non supprimé", "the tier is used by 1 contract(s)");
        forms.assertAccessible();
        opened.screenshot(Path.of("target/screenshots/tier-delete-refused-fr.png"));
        opened.submit(By.id("cancel"));

        opened.submit(By.id("rename-tier"));
        forms.type("name", "Or");
        opened.submit(By.id("save-tier"));
        assertThat(browser.findElement(By.id("tier-name")).getText()).isEqualTo("Or");

        browser.get(url("/clients/" + catalog.slug()));
        opened.submit(By.cssSelector("a[href$='/contracts/" + contract + "/delete']"));
        assertThat(browser.findElement(By.id("question")).getText()).contains("Or", "Acme");
        opened.submit(By.id("confirm"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Contrat supprimé.");

        browser.get(url("/tiers/" + tier + "/delete"));
        opened.submit(By.id("confirm"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Niveau Or supprimé.");
        assertThat(api().get("/api/v1/tiers/" + tier).status()).isEqualTo(404);

        browser.get(url("/tiers/" + tier));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Page introuvable");
        assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo("Erreur 404");
        assertThat(browser.findElement(By.cssSelector("nav a[href='/tiers']")).getText())
                .isEqualTo("Niveaux");
        forms.assertAccessible();
        opened.screenshot(Path.of("target/screenshots/error-404-fr.png"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
