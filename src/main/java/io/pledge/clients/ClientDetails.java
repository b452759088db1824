package io.pledge.clients;

import io.pledge.core.Violations;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What describes a client: name, unique slug (its stable handle in URLs and imports), zone, the language
 * its reports are written in, contacts.
 */
public record ClientDetails(String name, String slug, ZoneId zone, String language, List<Contact> contacts) {

    /** The languages reports are written in; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ClientDetails {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unsupported language " + language);
        }
        contacts = List.copyOf(contacts);
    }

    /** A client whose reports are in the default language. */
    public ClientDetails(String name, String slug, ZoneId zone, List<Contact> contacts) {
        this(name, slug, zone, LANGUAGES.get(0), contacts);
    }

    /** The locale the client's reports are written in. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /**
     * Validates a client document.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     */
    public static ClientDetails parse(ClientDocument document) {
        Violations violations = new Violations();
        String name = violations.text("name", document.name(), 200);
        String slug = violations.text("slug", document.slug(), 63);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            violations.add(
                    "slug", "must be lower-case letters and digits in words joined by '-', got \"" + slug + "\"");
        }
        ZoneId zone = violations.parse("zone", document.zone(), "zone", ZoneId::of);
        String language = document.language() == null ? LANGUAGES.get(0) : document.language();
        if (!LANGUAGES.contains(language)) {
            violations.add("language", "must be one of " + String.join(", ", LANGUAGES) + ", got \"" + language + "\"");
        }
        List<Contact> contacts = new ArrayList<>();
        List<ClientDocument.ContactDocument> contactDocuments =
                document.contacts() == null ? List.of() : document.contacts();
        for (int i = 0; i < contactDocuments.size(); i++) {
            String field = "contacts[" + i + "]";
            ClientDocument.ContactDocument contact = contactDocuments.get(i);
            if (contact == null) {
                violations.add(field, "must be an object");
                continue;
            }
            String contactName = violations.text(field + ".name", contact.name(), 200);
            String email = violations.optionalText(field + ".email", contact.email(), 320);
            if (email != null && !EMAIL.matcher(email).matches()) {
                violations.add(field + ".email", "invalid email address \"" + email + "\"");
            }
            String phone = violations.optionalText(field + ".phone", contact.phone(), 50);
            boolean reports = Boolean.TRUE.equals(contact.reports());
            if (reports && email == null) {
                violations.add(field + ".reports", "a report contact needs an email address to receive the reports");
            }
            contacts.add(new Contact(contactName, email, phone, reports));
        }
        violations.throwIfAny();
        return new ClientDetails(name, slug, zone, language, contacts);
    }
}
