package io.pledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Browser;
import io.pledge.support.DatabaseIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Swagger UI in a real browser (Debian's chromium, headless), used by a person signed in through the
 * form: the page loads under Pledge's content security policy, and a call it makes goes out with the
 * session and the CSRF token its request interceptor takes from the {@code XSRF-TOKEN} cookie.
 */
class SwaggerUiPageTest extends DatabaseIntegrationTest {

    private Browser opened;
    private WebDriver browser;

    @BeforeEach
    void browser() {
        opened = Browser.open(Duration.ofSeconds(10));
        browser = opened.driver();
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void aSignedInPersonCreatesACalendarFromSwaggerUi() {
        browser.get("http://localhost:" + port + "/login");
        opened.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(ADMIN_EMAIL);

        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText())
                .startsWith("Pledge");
        assertThat(browser.findElements(By.cssSelector(".auth-wrapper .authorize")))
                .as("the Authorize button")
                .isNotEmpty();

        String name = unique("from-swagger-ui");
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const request = window.ui.getConfigs().requestInterceptor({
                    url: '/api/v1/calendars', method: 'POST',
                    headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                    body: JSON.stringify({name: arguments[0], zone: 'UTC', hours: '24x7'})});
                fetch(request.url, {method: request.method, headers: request.headers, body: request.body})
                    .then(response => response.text().then(body => done({status: response.status, body: body,
                        csrf: request.headers['X-XSRF-TOKEN'] || ''})))
                    .catch(error => done({status: -1, body: String(error), csrf: ''}));
                """, name);

        assertThat((String) answer.get("csrf"))
                .as("the interceptor's CSRF header")
                .isNotBlank();
        assertThat(((Number) answer.get("status")).intValue())
                .as((String) answer.get("body"))
                .isEqualTo(201);
        assertThat(api().get("/api/v1/calendars").body()).contains(name);
    }
}
