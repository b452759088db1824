package io.pledge.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.webjars.WebJarVersionLocator;

/**
 * A real browser for page tests: Debian's chromium, headless, driven through Debian's chromedriver (the
 * {@code chromium} and {@code chromium-driver} packages), with a fresh profile that closing deletes.
 * Nothing is downloaded. It checks accessibility with axe-core, from its WebJar.
 */
public final class Browser implements AutoCloseable {

    private static volatile String axe;

    /** Started browsers no test holds, per language. */
    private static final Map<String, Deque<Browser>> IDLE = new HashMap<>();

    private final ChromeDriver driver;
    private final Path profile;
    private final String language;
    private Duration wait = Duration.ZERO;

    private Browser(ChromeDriver driver, Path profile, String language) {
        this.driver = driver;
        this.profile = profile;
        this.language = language;
    }

    /** A new browser that waits up to {@code wait} for elements and scripts. */
    public static Browser open(Duration wait) {
        return open(wait, "en");
    }

    /**
     * A browser whose person reads {@code language} ({@code fr}): its interface, and the Accept-Language
     * header it sends. Browsers are kept per language for the whole test run: one closed by a test is
     * handed to the next with no cookies, on a blank page; starting Chromium anew for each test would cost
     * more than the test.
     */
    public static Browser open(Duration wait, String language) {
        Browser browser;
        synchronized (IDLE) {
            Deque<Browser> idle = IDLE.get(language);
            browser = idle == null ? null : idle.pollFirst();
        }
        if (browser == null) {
            browser = started(language);
        }
        browser.waitUpTo(wait);
        return browser;
    }

    private static Browser started(String language) {
        try {
            Path profile = Files.createTempDirectory("pledge-chromium");
            ChromeOptions options = new ChromeOptions()
                    .setBinary("/usr/bin/chromium")
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--window-size=1280,900",
                            "--lang=" + language,
                            "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            Browser browser = new Browser(new ChromeDriver(service, options), profile, language);
            Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitUpTo(Duration wait) {
        this.wait = wait;
        driver.manage().timeouts().implicitlyWait(wait);
        driver.manage().timeouts().scriptTimeout(wait.plusSeconds(10));
    }

    /**
     * Clicks what submits a form (or follows a link) and waits until the answer's page has replaced the one
     * it was on, so that what is read next is the answer's, even where both pages have the same ids.
     */
    public void submit(By button) {
        submit(driver.findElement(button));
    }

    /** {@link #submit(By)} for a button found otherwise (within a row, say). */
    public void submit(WebElement clicked) {
        clicked.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                clicked.isEnabled();
            } catch (StaleElementReferenceException replaced) {
                return;
            } catch (WebDriverException leaving) {
                // Caught between the two pages, Chromium may say the node left its document instead.
                if (String.valueOf(leaving.getMessage()).contains("does not belong to the document")) {
                    return;
                }
                throw leaving;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no page answered the click within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The elements the page shows now, without waiting: what a test expects to be absent is looked for
     * once, not for the whole implicit wait.
     */
    public List<WebElement> findNow(By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(wait);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Fills the sign-in form the browser shows, submits it and waits for the answer's page. */
    public void signIn(String email, String password) {
        driver.findElement(By.name("username")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        submit(By.cssSelector("main button[type='submit']"));
    }

    /**
     * Runs axe-core (from its WebJar, injected into the page shown: a script run by the driver is not
     * subject to the page's Content-Security-Policy) and returns the serious and critical accessibility
     * violations it finds, one line each: impact, rule, help text, the elements concerned.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(axeScript());
        }
        Object found = js.executeAsyncScript(String.join(
                "\n",
                "var done = arguments[arguments.length - 1];",
                "axe.run(document, {resultTypes: ['violations']}).then(function (results) {",
                "  done(results.violations",
                "    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })",
                "    .map(function (v) {",
                "      return v.impact + ' ' + v.id + ': ' + v.help + ' at '",
                "        + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');",
                "    }));",
                "}, function (error) { done(['axe failed: ' + error]); });"));
        return (List<String>) found;
    }

    private static String axeScript() {
        if (axe == null) {
            String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    /** Saves what the browser shows (the window's size), for the documentation. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands the browser back for the next test: its cookies (every site's) cleared, on a blank page. A
     * browser that cannot be cleared is quit instead.
     */
    @Override
    public void close() {
        try {
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.get("about:blank");
        } catch (RuntimeException broken) {
            quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(language, any -> new ArrayDeque<>()).addFirst(this);
        }
    }

    private void quit() {
        try {
            driver.quit();
        } catch (RuntimeException alreadyGone) {
            // The browser process ended with the run.
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException left) {
            // A temporary profile left behind is removed with the machine's temporary files.
        }
    }
}
