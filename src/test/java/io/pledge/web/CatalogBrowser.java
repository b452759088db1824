package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api;
import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What the catalog pages' browser tests share: people of a role created through the API, a headless
 * Chromium signed in as one of them in a language, its forms ({@link ManagerForms}), axe-core's verdict.
 */
abstract class CatalogBrowser extends DatabaseIntegrationTest {

    static final String PASSWORD = "catalog-password-for-pages";

    Browser opened;
    WebDriver browser;
    ManagerForms forms;

    @AfterEach
    void closeBrowser() throws Exception {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    String createUser(String role) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}".formatted(email, PASSWORD, role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    void signIn(String email, String language) {
        closeBrowserQuietly();
        opened = Browser.open(Duration.ofSeconds(5), language);
        browser = opened.driver();
        forms = new ManagerForms(opened);
        browser.get(url("/login"));
        opened.signIn(email, PASSWORD);
    }

    private void closeBrowserQuietly() {
        try {
            closeBrowser();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        browser.get(url(path));
    }

    /** Replaces a field's text. */
    void type(String id, String text) {
        forms.type(id, text);
    }

    String text(String css) {
        return forms.text(css);
    }

    /** The errors shown under a field, and the field says so to assistive technology. */
    String errorsOf(String id) {
        WebElement field = browser.findElement(By.id(id));
        assertThat(field.getAttribute("aria-invalid"))
                .as("aria-invalid of " + id)
                .isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains(id + "-errors");
        return browser.findElement(By.id(id + "-errors")).getText();
    }

    Api as(String email) {
        return Api.at(port).withPassword(email, PASSWORD);
    }

    void assertAccessible() {
        forms.assertAccessible();
    }

    void screenshot(String name) {
        opened.screenshot(Path.of("target/screenshots/" + name + ".png"));
    }
}
