package io.pledge.clients;

import java.util.List;

/** The JSON form of a client: {@code {"name", "slug", "zone", "contacts": [{"name", "email", "phone"}]}}. */
public record ClientDocument(String name, String slug, String zone, List<ContactDocument> contacts) {

    public record ContactDocument(String name, String email, String phone) {}
}
