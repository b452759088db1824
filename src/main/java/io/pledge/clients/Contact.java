package io.pledge.clients;

/**
 * A person at a client the MSP talks to; email and phone are optional. A report contact ({@code reports})
 * receives the client's scheduled compliance reports and QBR packs by mail, so it must have an email.
 */
public record Contact(String name, String email, String phone, boolean reports) {

    /** A contact who does not receive the scheduled reports. */
    public Contact(String name, String email, String phone) {
        this(name, email, phone, false);
    }
}
