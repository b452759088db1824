package io.pledge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client for Pledge's HTTP API in tests: real requests over loopback, JSON in and out. */
public final class Api {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, null);
    }

    public Api withToken(String token) {
        return new Api(base, "Bearer " + token);
    }

    public Api withPassword(String user, String password) {
        return new Api(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }

    public Api anonymous() {
        return new Api(base, null);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * Posts a batch to signed ingest as a helpdesk would: the HMAC-SHA256 of {@code timestamp.body} with the
     * source's secret, computed here on its own rather than by Pledge's code, so a test checks Pledge's.
     */
    public Response ingest(String source, String secret, String body, Instant at, String query) {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = "sha256=" + hmacSha256Hex(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
        return send(
                "POST",
                "/api/v1/ingest/" + source + "/events" + query,
                body,
                "X-Pledge-Timestamp",
                timestamp,
                "X-Pledge-Signature",
                signature);
    }

    /** The hex HMAC-SHA256 of {@code timestamp.body} with {@code secret}. */
    public static String hmacSha256Hex(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** A multipart/form-data POST: text fields and one file. */
    public Response multipart(String path, java.util.Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "pledge-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(utf8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** A response: status, raw body and the body as JSON (null when empty). */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
