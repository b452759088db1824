package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The sign-in form in a real browser (Debian's chromium, headless): signing in, the page after it,
 * signing out, and a wrong password. Needs the {@code chromium} and {@code chromium-driver} packages.
 */
class SignInPageTest extends DatabaseIntegrationTest {

    private Browser opened;
    private WebDriver browser;

    @BeforeEach
    void browser() {
        opened = Browser.open(Duration.ofSeconds(5));
        browser = opened.driver();
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void aPersonSignsInAndOut() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.cssSelector("input[name='_csrf']")).getAttribute("value"))
                .isNotBlank();

        opened.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(ADMIN_EMAIL);
        assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("ADMIN");

        browser.findElement(By.id("sign-out")).click();
        assertThat(urlSoon("/login?logout")).contains("/login?logout");
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
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

    @Test
    void aWrongPasswordKeepsThePersonOut() {
        browser.get("http://localhost:" + port + "/login");
        opened.signIn(ADMIN_EMAIL, "not the password at all");

        assertThat(urlSoon("/login?error")).contains("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Invalid credentials");
        assertThat(browser.findElements(By.id("user"))).isEmpty();
    }
}
