package io.pledge.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** How notices write instants, durations and untrusted text, in every channel alike. */
final class Notices {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Notices() {}

    /**
     * An instant as people of {@code zone} read it: {@code 2026-03-30 14:00:00 (Europe/Paris, UTC+02:00)}, or
     * {@code 2026-03-30 12:00:00 UTC}.
     */
    static String local(Instant instant, ZoneId zone) {
        java.time.ZonedDateTime local = instant.atZone(zone);
        if (zone.normalized().equals(java.time.ZoneOffset.UTC)) {
            return LOCAL.format(local) + " UTC";
        }
        return LOCAL.format(local) + " (" + zone.getId() + ", UTC" + local.getOffset() + ")";
    }

    /** An instant with the offset of {@code zone}, for machines: {@code 2026-03-30T14:00:00+02:00}. */
    static String offset(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** A duration in words, to the second below an hour, to the minute above: {@code 1 d 2 h 5 min}. */
    static String words(Duration duration) {
        Duration d = duration.isNegative() ? duration.negated() : duration;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        StringBuilder words = new StringBuilder();
        if (days > 0) {
            words.append(days).append(" d ");
        }
        if (hours > 0) {
            words.append(hours).append(" h ");
        }
        if (minutes > 0) {
            words.append(minutes).append(" min ");
        }
        if (seconds > 0 && days == 0 && hours == 0) {
            words.append(seconds).append(" s ");
        }
        return words.isEmpty() ? "0 s" : words.toString().strip();
    }

    /** Text from outside (a ticket's subject, a client's name) on one line, at most {@code max} characters. */
    static String line(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    static String html(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** A plain-text notice's lines as an HTML mail: a heading, a table of facts, a closing paragraph; all escaped. */
    static String htmlMail(String heading, java.util.Map<String, String> facts, String link, String closing) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n<h2>")
                .append(html(heading))
                .append("</h2>\n<table>\n");
        facts.forEach((label, value) -> html.append("<tr><th align=\"left\">")
                .append(html(label))
                .append("</th><td>")
                .append(html(value))
                .append("</td></tr>\n"));
        html.append("</table>\n");
        if (link != null) {
            html.append("<p><a href=\"")
                    .append(html(link))
                    .append("\">")
                    .append(html(link))
                    .append("</a></p>\n");
        }
        return html.append("<p>")
                .append(html(closing))
                .append("</p>\n</body></html>\n")
                .toString();
    }

    /** The same facts as plain text, one per line, labels aligned. */
    static String textMail(String heading, java.util.Map<String, String> facts, String link, String closing) {
        int width = facts.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        StringBuilder text = new StringBuilder(heading).append("\n\n");
        facts.forEach((label, value) -> text.append(label)
                .append(':')
                .append(" ".repeat(width - label.length() - 1))
                .append(value)
                .append('\n'));
        if (link != null) {
            text.append("\n").append(link).append('\n');
        }
        return text.append('\n').append(closing).append('\n').toString();
    }
}
