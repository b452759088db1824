package io.pledge.clients.web;

import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientDocument;
import io.pledge.clients.Contact;
import java.util.ArrayList;
import java.util.List;

/**
 * The client form: name, slug, zone, report language, and a row per contact (posted as
 * {@code contacts[0].name} …), blank rows left out of the API's client document, which
 * {@link ClientDetails#parse} checks; shown again, the form lists the contacts typed first, so the document's
 * {@code contacts[i]} is the form's row {@code i}.
 */
public final class ClientForm {

    /** Blank contact rows the form offers below the contacts there are. */
    static final int BLANK_ROWS = 2;

    private String name;
    private String slug;
    private String zone;
    private String language = ClientDetails.LANGUAGES.get(0);
    private List<ContactRow> contacts = new ArrayList<>();

    static ClientForm empty(String zone) {
        ClientForm form = new ClientForm();
        form.zone = zone;
        return form.withBlankRows();
    }

    static ClientForm of(ClientDetails details) {
        ClientForm form = new ClientForm();
        form.name = details.name();
        form.slug = details.slug();
        form.zone = details.zone().getId();
        form.language = details.language();
        for (Contact contact : details.contacts()) {
            ContactRow row = new ContactRow();
            row.setName(contact.name());
            row.setEmail(contact.email());
            row.setPhone(contact.phone());
            row.setReports(contact.reports());
            form.contacts.add(row);
        }
        return form.withBlankRows();
    }

    /**
     * The form with the contacts typed first, in their order, then blank rows: the document's
     * {@code contacts[1]} is the form's second row again, so a violation is shown next to the row it names.
     */
    ClientForm withBlankRows() {
        contacts.removeIf(row -> row == null || row.isBlank());
        for (int i = 0; i < BLANK_ROWS; i++) {
            contacts.add(new ContactRow());
        }
        return this;
    }

    ClientDocument toDocument() {
        List<ClientDocument.ContactDocument> documents = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactRow row = contacts.get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            documents.add(new ClientDocument.ContactDocument(
                    trim(row.getName()), trim(row.getEmail()), trim(row.getPhone()), row.isReports()));
        }
        return new ClientDocument(trim(name), trim(slug), trim(zone), trim(language), documents);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** One contact's row. */
    public static final class ContactRow {

        private String name;
        private String email;
        private String phone;
        private boolean reports;

        boolean isBlank() {
            return trim(name) == null && trim(email) == null && trim(phone) == null && !reports;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public boolean isReports() {
            return reports;
        }

        public void setReports(boolean reports) {
            this.reports = reports;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public List<ContactRow> getContacts() {
        return contacts;
    }

    public void setContacts(List<ContactRow> contacts) {
        this.contacts = contacts;
    }
}
