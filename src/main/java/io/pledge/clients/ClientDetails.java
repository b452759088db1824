package io.pledge.clients;

import io.pledge.core.Violations;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What describes a client: name, unique slug (its stable handle in URLs and imports), zone, contacts. */
public record ClientDetails(String name, String slug, ZoneId zone, List<Contact> contacts) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ClientDetails {
        contacts = List.copyOf(contacts);
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
            contacts.add(new Contact(contactName, email, phone));
        }
        violations.throwIfAny();
        return new ClientDetails(name, slug, zone, contacts);
    }
}
