package io.pledge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in person's pages over plain HTTP, as a browser without scripts sees them: it keeps the session
 * cookie, follows no redirect, and posts forms with the CSRF token of the page last read, so that page tests
 * that need no real browser (who may open what, which errors a form shows, what a button changed) stay fast.
 */
public final class PageClient {

    private final int port;
    private final String language;
    private final HttpClient http;
    private String csrf;

    private PageClient(int port, String language) {
        this.port = port;
        this.language = language;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs in through Pledge's sign-in form, reading pages in {@code language}. */
    public static PageClient signIn(int port, String email, String password, String language) {
        PageClient client = new PageClient(port, language);
        client.get("/login");
        Page signedIn = client.post("/login", Map.of("username", email, "password", password));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        return client;
    }

    /** A page; its CSRF token is kept for the next form posted. */
    public Page get(String path) {
        return get(path, "text/html");
    }

    /** A page asked for as {@code accept} (a browser asks for {@code text/html}). */
    public Page get(String path, String accept) {
        Page page = send(request(path).header("Accept", accept).GET().build());
        Matcher matcher =
                Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return page;
    }

    /** A form posted with the CSRF token of the page last read. */
    public Page post(String path, Map<String, String> fields) {
        return postForm(path, fields, true);
    }

    /** A form posted without any CSRF token, as another site's page would post it. */
    public Page postWithoutToken(String path, Map<String, String> fields) {
        return postForm(path, fields, false);
    }

    /** A multipart form (a file and fields) posted with the CSRF token of the page last read. */
    public Page postFile(String path, Map<String, String> fields, String field, String fileName, byte[] content) {
        String boundary = "pledge-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, String> entry : withToken(fields, true).entrySet()) {
            parts.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(entry.getKey())
                    .append("\"\r\n\r\n")
                    .append(entry.getValue())
                    .append("\r\n");
        }
        parts.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(field)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(parts.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private Page postForm(String path, Map<String, String> fields, boolean token) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> entry : withToken(fields, token).entrySet()) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        return send(request(path)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build());
    }

    private Map<String, String> withToken(Map<String, String> fields, boolean token) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (token) {
            assertThat(csrf).as("a CSRF token read from a page before posting").isNotNull();
            all.put("_csrf", csrf);
        }
        return all;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(""),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page's answer: status, HTML, where a redirect leads, and the type of its body. */
    public record Page(int status, String body, String location, String contentType) {}
}
