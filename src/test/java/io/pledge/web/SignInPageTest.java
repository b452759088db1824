package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.DatabaseIntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The sign-in form in a real browser (Debian's chromium, headless): signing in, the page after it,
 * signing out, and a wrong password. Needs the {@code chromium} and {@code chromium-driver} packages.
 */
class SignInPageTest extends DatabaseIntegrationTest {

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void browser() throws Exception {
        profile = Files.createTempDirectory("pledge-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aPersonSignsInAndOut() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.cssSelector("input[name='_csrf']")).getAttribute("value"))
                .isNotBlank();

        browser.findElement(By.name("username")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();

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
        browser.findElement(By.name("username")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys("not the password at all");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        assertThat(urlSoon("/login?error")).contains("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Invalid credentials");
        assertThat(browser.findElements(By.id("user"))).isEmpty();
    }
}
