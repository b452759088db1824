package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Pledge's own sign-in page in a real browser (Debian's chromium, headless), in English and in French:
 * signing in and out, a wrong password, an account locked by failures, changing one's password with the
 * errors shown next to their fields, and choosing the language. Every page is checked with axe-core.
 * Needs the {@code chromium} and {@code chromium-driver} packages.
 */
class SignInPageTest extends DatabaseIntegrationTest {

    private static final String PASSWORD = "correct-horse-battery";

    private Browser opened;
    private WebDriver browser;

    private void open(String language) {
        opened = Browser.open(Duration.ofSeconds(5), language);
        browser = opened.driver();
    }

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void aPersonSignsInAndOut() {
        open("en");
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to Pledge");
        assertThat(browser.findElement(By.cssSelector("input[name='_csrf']")).getAttribute("value"))
                .isNotBlank();
        assertAccessible();
        opened.screenshot(java.nio.file.Path.of("target/screenshots/sign-in.png"));

        opened.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(ADMIN_EMAIL);
        assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("ADMIN");
        assertAccessible();

        opened.submit(By.id("sign-out"));
        assertThat(urlSoon("/login?logout")).contains("/login?logout");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("You have signed out.");
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aWrongPasswordKeepsThePersonOut() {
        open("en");
        browser.get(url("/login"));
        opened.signIn(ADMIN_EMAIL, "not the password at all");

        assertThat(urlSoon("/login?error")).contains("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Invalid email or password.");
        assertThat(opened.findNow(By.id("user"))).isEmpty();
        assertAccessible();
    }

    @Test
    void uneMauvaiseAdresseEstRefuseeEnFrancais() {
        open("fr");
        browser.get(url("/login"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Se connecter à Pledge");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText())
                .isEqualTo("Mot de passe");
        opened.signIn("personne@test.local", "pas le bon mot de passe");

        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Adresse e-mail ou mot de passe incorrect.");
        assertAccessible();
    }

    @Test
    void anAccountLockedByFailuresSaysUntilWhen() {
        String email = createUser(unique("locked") + "@test.local");
        open("en");
        browser.get(url("/login"));
        for (int failure = 1; failure <= 5; failure++) {
            opened.signIn(email, "wrong password number " + failure);
        }

        assertThat(urlSoon("/login?locked")).contains("/login?locked");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .startsWith("This account is locked after too many failed sign-ins, until ")
                .contains("UTC");
        assertAccessible();

        // Even the right password is refused while the lock lasts.
        opened.signIn(email, PASSWORD);
        assertThat(urlSoon("/login?locked")).contains("/login?locked");
        assertThat(opened.findNow(By.id("user"))).isEmpty();
    }

    @Test
    void unCompteVerrouilleLeDitEnFrancais() {
        String email = createUser(unique("verrou") + "@test.local");
        open("fr");
        browser.get(url("/login"));
        for (int failure = 1; failure <= 5; failure++) {
            opened.signIn(email, "mauvais mot de passe " + failure);
        }
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .startsWith("Ce compte est verrouillé après trop d’échecs de connexion, jusqu’à ");
    }

    @Test
    void aPersonChangesItsPasswordAfterTheFormSaysWhatIsWrong() {
        String email = createUser(unique("changer") + "@test.local");
        open("en");
        browser.get(url("/login"));
        opened.signIn(email, PASSWORD);
        opened.submit(By.linkText("Password"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Change your password");
        assertAccessible();

        PasswordForm form = new PasswordForm(opened);
        form.fill("not my password", "short", "shorter");

        assertThat(form.errorsOf("currentPassword")).isEqualTo("is not your current password");
        assertThat(form.errorsOf("newPassword")).isEqualTo("must be at least 12 characters");
        assertThat(form.errorsOf("confirmation")).isEqualTo("does not repeat the new password");
        assertThat(browser.findElement(By.id("newPassword")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("newPassword")).getAttribute("aria-describedby"))
                .isEqualTo("newPassword-errors");
        assertAccessible();

        form.fill(PASSWORD, "a-brand-new-passphrase", "a-brand-new-passphrase");
        assertThat(urlSoon("/login?changed")).contains("/login?changed");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Your password has been changed. Sign in with the new one.");

        opened.signIn(email, PASSWORD);
        assertThat(urlSoon("/login?error")).contains("/login?error");
        opened.signIn(email, "a-brand-new-passphrase");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(email);
    }

    @Test
    void leFormulaireDeMotDePasseDitSesErreursEnFrancais() {
        String email = createUser(unique("motdepasse") + "@test.local");
        open("fr");
        browser.get(url("/login"));
        opened.signIn(email, PASSWORD);
        opened.submit(By.linkText("Mot de passe"));

        PasswordForm form = new PasswordForm(opened);
        form.fill(PASSWORD, "aaaaaaaaaaaaaa", "aaaaaaaaaaaaaa");

        assertThat(form.errorsOf("newPassword")).isEqualTo("ne doit pas être un seul caractère répété");
        assertThat(browser.findElement(By.cssSelector(".form-errors")).getText())
                .startsWith("Le formulaire n’a pas été accepté");
        assertAccessible();
        opened.screenshot(java.nio.file.Path.of("target/screenshots/password-fr.png"));
    }

    @Test
    void aPersonChoosesFrenchAndPledgeRemembersIt() {
        open("en");
        browser.get(url("/login"));
        browser.findElement(By.cssSelector("#language option[value=fr]")).click();
        opened.submit(By.cssSelector("form.language button"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Se connecter à Pledge");
        opened.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(browser.findElement(By.id("sign-out")).getText()).isEqualTo("Se déconnecter");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    }

    @Test
    void theAccessibilityCheckFindsAFieldWithoutALabel() {
        open("en");
        browser.get(url("/login"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.querySelector('form.stacked').appendChild(document.createElement('input'));");

        assertThat(opened.seriousAccessibilityViolations())
                .anySatisfy(violation -> assertThat(violation).startsWith("critical label:"));
    }

    /** The password form: fills its three fields and submits it. */
    private record PasswordForm(Browser opened) {

        void fill(String current, String replacement, String confirmation) {
            type("currentPassword", current);
            type("newPassword", replacement);
            type("confirmation", confirmation);
            opened.submit(By.id("change-password"));
        }

        private void type(String field, String text) {
            opened.driver().findElement(By.id(field)).clear();
            opened.driver().findElement(By.id(field)).sendKeys(text);
        }

        /** The errors shown under a field. */
        String errorsOf(String field) {
            return opened.driver().findElement(By.id(field + "-errors")).getText();
        }
    }

    private String createUser(String email) {
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"TECHNICIAN\"}"
                                .formatted(email, PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    private void assertAccessible() {
        assertThat(opened.seriousAccessibilityViolations())
                .as("serious or critical accessibility violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The page's address once it contains {@code part}, or after five seconds, whichever comes first. */
    private String urlSoon(String part) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String url = browser.getCurrentUrl();
        while (!url.contains(part) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            url = browser.getCurrentUrl();
        }
        return url;
    }
}
