package io.pledge.clients;

import java.util.List;

/**
 * The JSON form of a client: {@code {"name", "slug", "zone", "language", "contacts": [{"name", "email",
 * "phone"}]}}; {@code language} is optional ({@code en} when absent).
 */
public record ClientDocument(String name, String slug, String zone, String language, List<ContactDocument> contacts) {

    /** A client document in the default language. */
    public ClientDocument(String name, String slug, String zone, List<ContactDocument> contacts) {
        this(name, slug, zone, null, contacts);
    }

    public record ContactDocument(String name, String email, String phone) {}
}
