package io.pledge.reporting;

import io.pledge.clients.Client;
import io.pledge.clients.Contact;
import io.pledge.core.MailServer;
import io.pledge.reporting.pack.PackFormat;
import io.pledge.reporting.pack.QbrRenderer;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail that carries a report: to the client's report contacts, subject and text in the client's
 * language from the reporting bundle, the QBR pack attached as PDF, over the SMTP server of {@code
 * pledge.mail.*}. Its {@code Message-ID} is derived from the delivery's id, so a mail sent again after a
 * node died between the server's acceptance and the commit is recognisable as the same mail; a resend is a
 * delivery of its own with its own id.
 */
@Component
class ReportMail {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final MessageSource messages = QbrRenderer.messages();
    private final JavaMailSenderImpl smtp;
    private final String from;
    private final String mspName;

    ReportMail(MailServer mailServer, @Value("${pledge.reporting.msp-name:Pledge}") String mspName) {
        this.from = mailServer.from();
        this.mspName = mspName;
        this.smtp = mailServer.sender(CONNECT_TIMEOUT, ANSWER_TIMEOUT);
    }

    /** A report mail as it would go out: recipients, subject, text, attachment. */
    record Composed(List<String> to, String subject, String text, String fileName, String messageId) {}

    /** The client's report contacts with an address, in the order the client lists them. */
    static List<String> recipients(Client client) {
        return client.details().contacts().stream()
                .filter(Contact::reports)
                .map(Contact::email)
                .filter(email -> email != null && !email.isBlank())
                .distinct()
                .toList();
    }

    /** The Message-ID of a delivery's mail. */
    static String messageId(UUID delivery) {
        return "<report-" + delivery + "@pledge>";
    }

    Composed compose(Client client, ReportPeriod period, UUID delivery, String fileName) {
        PackFormat format =
                new PackFormat(client.details().locale(), client.details().zone(), messages);
        String named = name(period, format.locale());
        return new Composed(
                recipients(client),
                format.message("mail.report.subject", mspName, client.name(), named),
                format.message(
                        "mail.report.body",
                        client.name(),
                        named,
                        format.period(period.firstDay(), period.lastDay()),
                        client.details().zone().getId(),
                        mspName,
                        fileName),
                fileName,
                messageId(delivery));
    }

    /**
     * Sends a composed mail with its PDF attached.
     *
     * @return null when the server accepted it, else what went wrong in words an operator acts on
     */
    String send(Composed mail, byte[] pdf, String edition) {
        if (smtp == null) {
            return "mail is not configured (PLEDGE_MAIL_HOST)";
        }
        if (mail.to().isEmpty()) {
            return "no recipient: the client has no report contact with an email address";
        }
        try {
            MimeMessage message = new KeyedMessage(smtp.getSession(), mail.messageId());
            message.setFrom(new InternetAddress(from));
            for (String address : mail.to()) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            mixed.addBodyPart(text);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName(mail.fileName());
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
            message.setHeader("X-Pledge-Report-Edition", edition);
            smtp.send(message);
            return null;
        } catch (MessagingException | MailException e) {
            return "mail server " + smtp.getHost() + ":" + smtp.getPort() + ": " + describe(e);
        }
    }

    private String name(ReportPeriod period, Locale locale) {
        return switch (period.kind()) {
            case MONTH -> DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(YearMonth.from(period.firstDay()));
            case QUARTER ->
                messages.getMessage(
                        "mail.report.quarter",
                        new Object[] {
                            Integer.toString((period.firstDay().getMonthValue() + 2) / 3),
                            Integer.toString(period.firstDay().getYear())
                        },
                        locale);
            case RANGE -> period.label();
        };
    }

    private static String describe(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root instanceof java.net.ConnectException ? "connection refused" : message;
    }

    /** A message whose Message-ID is the delivery's rather than generated. */
    private static final class KeyedMessage extends MimeMessage {

        private final String id;

        KeyedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
