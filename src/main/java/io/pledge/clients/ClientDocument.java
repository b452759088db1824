package io.pledge.clients;

import java.util.List;

/**
 * The JSON form of a client: {@code {"name", "slug", "zone", "language", "contacts": [{"name", "email",
 * "phone", "reports"}]}}; {@code language} is optional ({@code en} when absent), and so is a contact's
 * {@code reports} (false when absent: the contact does not receive the scheduled reports).
 */
public record ClientDocument(String name, String slug, String zone, String language, List<ContactDocument> contacts) {

    /** A client document in the default language. */
    public ClientDocument(String name, String slug, String zone, List<ContactDocument> contacts) {
        this(name, slug, zone, null, contacts);
    }

    public record ContactDocument(String name, String email, String phone, Boolean reports) {

        /** A contact who does not receive the scheduled reports. */
        public ContactDocument(String name, String email, String phone) {
            this(name, email, phone, null);
        }
    }
}
