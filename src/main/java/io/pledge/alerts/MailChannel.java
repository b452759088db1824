package io.pledge.alerts;

import io.pledge.clients.ClientId;
import io.pledge.clients.Clients;
import io.pledge.clients.Contact;
import io.pledge.core.Failures;
import io.pledge.core.MailServer;
import io.pledge.core.Scope;
import io.pledge.tickets.Assignees;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketDesk;
import io.pledge.tickets.TicketId;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MAIL deliveries over SMTP ({@code pledge.mail.*}). Recipients are resolved when the mail is sent, so a
 * ticket assigned meanwhile reaches its new assignee: {@code assignee} is the assigned technician,
 * {@code team} the assigned team's address, {@code client-contacts} the contacts with an address of the
 * ticket's or the monitor's client; anything else is an address. Each mail's {@code Message-ID} is derived from the delivery's
 * idempotency key, which also travels in {@code X-Pledge-Idempotency-Key}, so a mail sent twice (a node
 * killed after the SMTP server accepted it) can be recognised as one. A mail is multipart/alternative: plain
 * text and the same facts in HTML.
 */
@Component
class MailChannel implements Channel {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final TicketDesk tickets;
    private final Assignees assignees;
    private final Clients clients;
    private final JsonMapper json;
    private final JavaMailSenderImpl smtp;
    private final String from;

    MailChannel(TicketDesk tickets, Assignees assignees, Clients clients, JsonMapper json, MailServer mailServer) {
        this.tickets = tickets;
        this.assignees = assignees;
        this.clients = clients;
        this.json = json;
        this.from = mailServer.from();
        this.smtp = mailServer.sender(CONNECT_TIMEOUT, ANSWER_TIMEOUT);
    }

    @Override
    public String deliver(Delivery delivery, Instant now) {
        if (smtp == null) {
            return "mail is not configured (PLEDGE_MAIL_HOST)";
        }
        JsonNode body = json.readTree(delivery.payload());
        Ticket ticket = null;
        UUID client;
        if (delivery.ticketId() != null) {
            ticket = tickets.find(new TicketId(delivery.ticketId()), Scope.everything())
                    .orElse(null);
            if (ticket == null) {
                return "ticket " + delivery.ticketId() + " no longer exists";
            }
            client = ticket.clientId().value();
        } else {
            client = UUID.fromString(body.get("clientId").asString());
        }
        Set<String> to = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (String recipient : MailRecipients.parse(delivery.target())) {
            switch (recipient) {
                case MailRecipients.ASSIGNEE ->
                    add(
                            to,
                            missing,
                            ticket == null || ticket.assignment().technicianId() == null
                                    ? null
                                    : assignees
                                            .technician(ticket.assignment().technicianId())
                                            .map(Assignees.Assignee::email)
                                            .orElse(null),
                            "the ticket has no assigned technician");
                case MailRecipients.TEAM ->
                    add(
                            to,
                            missing,
                            ticket == null || ticket.assignment().teamId() == null
                                    ? null
                                    : assignees
                                            .team(ticket.assignment().teamId())
                                            .map(Assignees.Assignee::email)
                                            .orElse(null),
                            "the ticket's team has no address");
                case MailRecipients.CLIENT_CONTACTS -> {
                    List<String> contacts = clients.find(new ClientId(client))
                            .map(found -> found.details().contacts().stream()
                                    .map(Contact::email)
                                    .filter(email -> email != null && !email.isBlank())
                                    .toList())
                            .orElse(List.of());
                    if (contacts.isEmpty()) {
                        missing.add("the client has no contact with an address");
                    }
                    to.addAll(contacts);
                }
                default -> to.add(recipient);
            }
        }
        if (to.isEmpty()) {
            return "no recipient: " + String.join("; ", missing);
        }
        try {
            MimeMessage message = new KeyedMessage(smtp.getSession(), delivery.idempotencyKey());
            message.setFrom(new InternetAddress(from));
            for (String address : to) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
            }
            message.setSubject(body.get("subject").asString(), StandardCharsets.UTF_8.name());
            JsonNode html = body.get("html");
            if (html == null) {
                // owed before mail had an HTML part
                message.setText(body.get("text").asString(), StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart alternatives = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body.get("text").asString(), StandardCharsets.UTF_8.name(), "plain");
                alternatives.addBodyPart(text);
                MimeBodyPart rich = new MimeBodyPart();
                rich.setText(html.asString(), StandardCharsets.UTF_8.name(), "html");
                alternatives.addBodyPart(rich);
                message.setContent(alternatives);
            }
            message.setHeader("X-Pledge-Idempotency-Key", delivery.idempotencyKey());
            smtp.send(message);
            return null;
        } catch (MessagingException | MailException e) {
            return "mail server " + smtp.getHost() + ":" + smtp.getPort() + ": "
                    + Failures.describe(e, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        }
    }

    private static void add(Set<String> to, List<String> missing, String address, String whyMissing) {
        if (address == null || address.isBlank()) {
            missing.add(whyMissing);
        } else {
            to.add(address);
        }
    }

    /** A message whose Message-ID is derived from its idempotency key rather than generated. */
    private static final class KeyedMessage extends MimeMessage {

        private final String key;

        KeyedMessage(Session session, String key) {
            super(session);
            this.key = key;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
                setHeader("Message-ID", "<" + HexFormat.of().formatHex(digest, 0, 16) + "@pledge>");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
