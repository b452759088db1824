package io.pledge.trust;

import io.pledge.core.Failures;
import io.pledge.core.MailServer;
import io.pledge.core.web.pages.PageFormats;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mail of subscribers: the request to confirm (to the address, or to a webhook's contact), and the notices
 * of events, in the subscriber's language, plain text, over the SMTP server of {@code pledge.mail.*}. Every
 * notice carries its unsubscribe link in the text and in {@code List-Unsubscribe}, with
 * {@code List-Unsubscribe-Post} for a mail client's one-click unsubscribe (RFC 8058). The {@code Message-ID}
 * is derived from the notice's id, so a mail sent again after a node died between the server's acceptance and
 * the commit is recognisable as the same mail.
 */
@Component
class NoticeMail {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final MessageSource messages;
    private final JavaMailSenderImpl smtp;
    private final String from;
    private final String publicUrl;
    private final Duration confirmWithin;
    private final JsonMapper json = JsonMapper.builder().build();

    NoticeMail(
            MailServer mailServer,
            MessageSource messages,
            @Value("${pledge.public-url}") String publicUrl,
            @Value("${pledge.trust.subscriptions.confirm-within:PT48H}") Duration confirmWithin) {
        this.messages = messages;
        this.smtp = mailServer.sender(CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        this.from = mailServer.from();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.confirmWithin = confirmWithin;
    }

    /** Where a subscriber confirms. */
    static String confirmPath(String token) {
        return "/trust/subscribe/confirm/" + token;
    }

    /** Where a subscriber stops its notices. */
    static String unsubscribePath(String token) {
        return "/trust/subscribe/unsubscribe/" + token;
    }

    String unsubscribeLink(Subscriber subscriber) {
        return publicUrl + unsubscribePath(subscriber.unsubscribeToken());
    }

    /** The mail asking to confirm; null when sent. */
    String confirmation(SubscriberNotice notice, Subscriber subscriber, TrustPage page) {
        if (notice.confirmationToken() == null) {
            return "the confirmation link is no longer known";
        }
        Locale locale = Locale.forLanguageTag(subscriber.language());
        List<String> lines = new ArrayList<>();
        lines.add(
                subscriber.kind() == Subscriber.Kind.MAIL
                        ? message(locale, "trust.mail.confirm.mail", page.name())
                        : message(locale, "trust.mail.confirm.webhook", page.name(), subscriber.webhookUrl()));
        lines.add("");
        lines.add(message(locale, "trust.mail.confirm.link", confirmWithin.toHours()));
        lines.add(publicUrl + confirmPath(notice.confirmationToken()));
        lines.add("");
        lines.add(message(locale, "trust.mail.confirm.ignore"));
        return send(
                notice,
                subscriber.email(),
                message(locale, "trust.mail.confirm.subject", page.name()),
                String.join("\n", lines),
                null);
    }

    /** The notice of an event; null when sent. */
    String notice(SubscriberNotice notice, Subscriber subscriber, SubscriberNotices.Event event) {
        Locale locale = Locale.forLanguageTag(subscriber.language());
        JsonNode facts = json.readTree(event.payload());
        JsonNode page = facts.get("page");
        String pageName = page.get("name").asString();
        ZoneId zone = ZoneId.of(page.get("time_zone").asString());
        PageFormats format = new PageFormats(locale, zone, messages);
        PageNotices.Type type = PageNotices.Type.of(facts.get("type").asString());
        String subject;
        List<String> lines = new ArrayList<>();
        if (facts.has("incident")) {
            JsonNode incident = facts.get("incident");
            String status =
                    message(locale, "trust.incident." + incident.get("status").asString());
            subject = message(
                    locale,
                    "trust.mail.incident.subject",
                    pageName,
                    incident.get("title").asString(),
                    status);
            lines.add(incident.get("title").asString());
            lines.add(status + " · "
                    + message(locale, "trust.impact." + incident.get("impact").asString()) + " · "
                    + format.dateTime(Instant.parse(incident.get("at").asString())));
            String systems = names(incident.get("systems"));
            if (!systems.isEmpty()) {
                lines.add(message(locale, "trust.mail.systems", systems));
            }
            lines.add("");
            lines.add(incident.get("message").asString());
        } else {
            JsonNode maintenance = facts.get("maintenance");
            String systems = names(maintenance.get("systems"));
            subject = message(
                    locale,
                    type == PageNotices.Type.MAINTENANCE_STARTED
                            ? "trust.mail.maintenance.started.subject"
                            : "trust.mail.maintenance.planned.subject",
                    pageName,
                    systems);
            lines.add(message(
                    locale,
                    "trust.mail.maintenance.when",
                    format.dateTime(Instant.parse(maintenance.get("start").asString())),
                    format.dateTime(Instant.parse(maintenance.get("end").asString()))));
            lines.add(message(locale, "trust.mail.systems", systems));
        }
        lines.add("");
        JsonNode url = page.get("url");
        if (url != null && !url.isNull()) {
            lines.add(message(locale, "trust.mail.page", url.asString()));
        }
        lines.add(message(locale, "trust.mail.unsubscribe", unsubscribeLink(subscriber)));
        return send(notice, subscriber.email(), subject, String.join("\n", lines), unsubscribeLink(subscriber));
    }

    private String send(SubscriberNotice notice, String to, String subject, String text, String unsubscribe) {
        if (smtp == null) {
            return "mail is not configured (PLEDGE_MAIL_HOST)";
        }
        try {
            MimeMessage message = new NoticeMessage(smtp.getSession(), notice);
            message.setFrom(new InternetAddress(from));
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.setHeader("Auto-Submitted", "auto-generated");
            if (unsubscribe != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            smtp.send(message);
            return null;
        } catch (MessagingException | MailException e) {
            return "mail server " + smtp.getHost() + ":" + smtp.getPort() + ": "
                    + Failures.describe(e, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        }
    }

    private String message(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String names(JsonNode list) {
        List<String> names = new ArrayList<>();
        if (list != null) {
            list.forEach(n -> names.add(n.asString()));
        }
        return String.join(", ", names);
    }

    /** A message whose Message-ID is the notice's rather than generated. */
    private static final class NoticeMessage extends MimeMessage {

        private final SubscriberNotice notice;

        NoticeMessage(Session session, SubscriberNotice notice) {
            super(session);
            this.notice = notice;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<trust-notice-" + notice.id() + "@pledge>");
        }
    }
}
