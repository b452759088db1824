package io.pledge.core;

import java.net.URI;
import java.net.URISyntaxException;

/** Web addresses Pledge calls (webhooks, chat, probes): absolute http or https URLs with a host. */
public final class HttpUrls {

    public static final int MAX_LENGTH = 2000;

    private HttpUrls() {}

    /** What is wrong with the text as such an address, or null when it is one. */
    public static String problem(String text) {
        if (text.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "\"" + Texts.quoted(text, 100) + "\" is not a valid URL (" + e.getReason() + ")";
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            return "must be an http or https URL with a host, got " + Texts.quoted(text, 100);
        }
        return null;
    }
}
