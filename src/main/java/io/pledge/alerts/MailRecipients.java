package io.pledge.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The recipients of a MAIL rule, comma-separated in its target: {@value #ASSIGNEE} (the ticket's
 * technician), {@value #TEAM} (the ticket's team address), {@value #CLIENT_CONTACTS} (the client's
 * contacts, on a breach only) or addresses.
 */
public final class MailRecipients {

    public static final String ASSIGNEE = "assignee";
    public static final String TEAM = "team";
    public static final String CLIENT_CONTACTS = "client-contacts";

    private MailRecipients() {}

    /** The recipients of a target, trimmed and in lower case. */
    public static List<String> parse(String target) {
        List<String> recipients = new ArrayList<>();
        for (String part : target.split(",")) {
            if (!part.isBlank()) {
                recipients.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return recipients;
    }

    /** What is wrong with a recipient of a rule firing on a monitor event; null when nothing. */
    public static String problemForMonitors(String recipient) {
        return recipient.equals(ASSIGNEE) || recipient.equals(TEAM)
                ? recipient + " names a ticket's people; a monitor rule mails client-contacts or addresses"
                : problem(recipient, true);
    }

    /** What is wrong with a recipient of a rule at a breach or a warning; null when nothing. */
    public static String problem(String recipient, boolean breach) {
        if (recipient.equals(CLIENT_CONTACTS) && !breach) {
            return "client-contacts are mailed on a breach only (ratio 1)";
        }
        if (recipient.equals(ASSIGNEE) || recipient.equals(TEAM) || recipient.equals(CLIENT_CONTACTS)) {
            return null;
        }
        return recipient.matches("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+")
                ? null
                : "\"" + recipient + "\" is neither an address nor assignee, team or client-contacts";
    }
}
