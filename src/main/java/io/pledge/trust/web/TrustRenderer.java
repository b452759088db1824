package io.pledge.trust.web;

import io.pledge.core.web.pages.PageFormats;
import io.pledge.trust.Incident;
import io.pledge.trust.PageFigures;
import io.pledge.trust.PublicRendering;
import io.pledge.trust.PublicResource;
import io.pledge.trust.PublishedSystem;
import io.pledge.trust.TrustPage;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a published page's figures into every public answer, in English and French: the page, the widget,
 * the Atom feed and the badges; and once for both, the stylesheet of its colours and the Statuspage-shaped
 * JSON ({@link StatuspageSummary}). Only what {@link PageFigures} holds is written, and the systems only by their public names.
 */
@Component
class TrustRenderer implements PublicRendering {

    /** Stands for a secret page's token in its answers; the request that holds the token puts it in. */
    static final String SECRET_MARK = "pledge-secret-link-token";

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final String HTML = "text/html;charset=UTF-8";
    private static final String SVG = "image/svg+xml;charset=UTF-8";

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final String publicUrl;
    private final StatuspageSummary summary;

    TrustRenderer(ITemplateEngine templates, MessageSource messages, @Value("${pledge.public-url}") String publicUrl) {
        this.templates = templates;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.summary = new StatuspageSummary(this.publicUrl);
    }

    /** Where a page's answers are, below the server's root. */
    static String base(TrustPage page) {
        if (page.isMsp()) {
            return "/trust";
        }
        return page.visibility() == TrustPage.Visibility.SECRET ? "/trust/s/" + SECRET_MARK : "/trust/" + page.slug();
    }

    @Override
    public Map<String, PublicResource> render(PageFigures figures) {
        Map<String, PublicResource> answers = new HashMap<>();
        TrustPage page = figures.page();
        answers.put("theme.css", PublicResource.of(theme(page.accentColour()), "text/css;charset=UTF-8"));
        for (Locale locale : LANGUAGES) {
            String lang = locale.getLanguage();
            View view = new View(figures, locale);
            answers.put(lang + "/", PublicResource.of(html("trust/page", view), HTML));
            answers.put(lang + "/widget", PublicResource.of(html("trust/widget", view), HTML));
            answers.put(lang + "/feed.atom", PublicResource.of(atom(view), "application/atom+xml;charset=UTF-8"));
            badges(view, answers);
        }
        answers.put("api/v2/summary.json", PublicResource.of(summary.of(figures), "application/json"));
        return answers;
    }

    private byte[] html(String template, View view) {
        Context context = new Context(view.locale);
        context.setVariable("v", view);
        context.setVariable("f", view.figures);
        context.setVariable("page", view.figures.page());
        context.setVariable("fmt", view.fmt);
        return templates.process(template, context).getBytes(StandardCharsets.UTF_8);
    }

    /** The accent colour as a stylesheet, with the text colour that reads on it. */
    private static byte[] theme(String accent) {
        int r = Integer.parseInt(accent.substring(1, 3), 16);
        int g = Integer.parseInt(accent.substring(3, 5), 16);
        int b = Integer.parseInt(accent.substring(5, 7), 16);
        double luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        // Whichever of white and near-black contrasts more with the accent.
        String ink = (1.05) / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#111111";
        return (":root { --accent: " + accent + "; --accent-ink: " + ink + "; }\n").getBytes(StandardCharsets.UTF_8);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private void badges(View view, Map<String, PublicResource> answers) {
        String lang = view.locale.getLanguage() + "/";
        PageFigures figures = view.figures;
        answers.put(
                lang + "badges/status.svg",
                svg(Badges.badge(
                        view.message("trust.badge.status"),
                        view.message("trust.status." + figures.status()),
                        statusColour(figures.status()))));
        for (PageFigures.SystemFigures system : figures.systems()) {
            String prefix = lang + "badges/systems/" + system.slug() + "/";
            answers.put(
                    prefix + "status.svg",
                    svg(Badges.badge(
                            system.name(),
                            view.message("trust.system." + system.status()),
                            systemColour(system.status()))));
            Map<String, BigDecimal> windows = new LinkedHashMap<>();
            windows.put("30d", system.availability30());
            windows.put("90d", system.availability90());
            windows.put("365d", system.availability365());
            windows.forEach((window, value) -> answers.put(
                    prefix + "availability-" + window + ".svg",
                    svg(Badges.badge(
                            view.message("trust.badge.availability", system.name(), window.replace("d", "")),
                            value == null ? view.message("trust.none") : view.availability(value, system.decimals()),
                            value == null
                                    ? Badges.GREY
                                    : value.compareTo(system.target()) >= 0 ? Badges.GREEN : Badges.RED))));
        }
        for (PageFigures.ClockFigures clock : figures.clocks()) {
            PageFigures.Window window = clock.last30();
            String name = clock.metric().equals("FIRST_RESPONSE") ? "response" : "resolution";
            answers.put(
                    lang + "badges/" + name + "-" + clock.priority() + ".svg",
                    svg(Badges.badge(
                            view.message("trust.badge." + name, clock.priority()),
                            window.metPercent() == null
                                    ? view.message("trust.none")
                                    : view.percent(window.metPercent()),
                            window.metPercent() == null
                                    ? Badges.GREY
                                    : window.metPercent().compareTo(BigDecimal.valueOf(95)) >= 0
                                            ? Badges.GREEN
                                            : Badges.AMBER)));
        }
        Boolean met = figures.slaMetThisMonth();
        answers.put(
                lang + "badges/sla-month.svg",
                svg(Badges.badge(
                        view.message("trust.badge.month"),
                        view.message(met == null ? "trust.none" : met ? "trust.month.met" : "trust.month.missed"),
                        met == null ? Badges.GREY : met ? Badges.GREEN : Badges.RED)));
    }

    private static PublicResource svg(byte[] bytes) {
        return PublicResource.of(bytes, SVG);
    }

    static String statusColour(String status) {
        return switch (status) {
            case "OPERATIONAL" -> Badges.GREEN;
            case "MAINTENANCE" -> Badges.BLUE;
            case "DEGRADED" -> Badges.AMBER;
            default -> Badges.RED;
        };
    }

    static String systemColour(String status) {
        return switch (status) {
            case "UP" -> Badges.GREEN;
            case "DOWN" -> Badges.RED;
            case "MAINTENANCE" -> Badges.BLUE;
            default -> Badges.GREY;
        };
    }

    /** The incidents and maintenance as an Atom feed (RFC 4287), newest first. */
    private byte[] atom(View view) {
        PageFigures figures = view.figures;
        TrustPage page = figures.page();
        String self = publicUrl + base(page) + "/feed.atom";
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", view.locale.getLanguage());
            element(xml, "id", "urn:uuid:" + page.id());
            element(xml, "title", view.message("trust.feed.title", page.name()));
            element(xml, "updated", updated(figures).toString());
            xml.writeStartElement("author");
            element(xml, "name", page.name());
            xml.writeEndElement();
            link(xml, "self", self, "application/atom+xml");
            link(xml, "alternate", publicUrl + base(page) + "?lang=" + view.locale.getLanguage(), "text/html");
            List<Incident> incidents = new ArrayList<>(figures.current());
            incidents.addAll(figures.history());
            for (Incident incident : incidents) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + incident.id());
                element(xml, "title", incident.title());
                element(xml, "updated", incident.updatedAt().toString());
                element(xml, "published", incident.startedAt().toString());
                link(xml, "alternate", publicUrl + base(page) + "#incident-" + incident.id(), "text/html");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                StringBuilder text = new StringBuilder();
                text.append(view.message("trust.impact." + incident.impact()));
                List<String> names = view.systemNames(incident);
                if (!names.isEmpty()) {
                    text.append(" · ").append(String.join(", ", names));
                }
                for (int i = incident.updates().size() - 1; i >= 0; i--) {
                    Incident.Update update = incident.updates().get(i);
                    text.append("\n\n")
                            .append(view.fmt.dateTime(update.at(), figures.zone()))
                            .append(" · ")
                            .append(view.message("trust.incident." + update.status()))
                            .append("\n")
                            .append(update.body());
                }
                xml.writeCharacters(text.toString());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            for (PageFigures.PlannedMaintenance maintenance : figures.maintenance()) {
                xml.writeStartElement("entry");
                element(
                        xml,
                        "id",
                        "urn:pledge:trust:" + page.id() + ":maintenance:"
                                + maintenance.start().getEpochSecond() + "-"
                                + maintenance.end().getEpochSecond());
                element(
                        xml,
                        "title",
                        view.message("trust.maintenance.entry", String.join(", ", maintenance.systems())));
                element(xml, "updated", figures.at().toString());
                link(xml, "alternate", publicUrl + base(page) + "#maintenance", "text/html");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(view.message(
                        "trust.maintenance.when",
                        view.fmt.dateTime(maintenance.start(), figures.zone()),
                        view.fmt.dateTime(maintenance.end(), figures.zone())));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant updated(PageFigures figures) {
        Instant latest = figures.page().updatedAt();
        for (Incident incident : figures.current()) {
            latest = incident.updatedAt().isAfter(latest) ? incident.updatedAt() : latest;
        }
        for (Incident incident : figures.history()) {
            latest = incident.updatedAt().isAfter(latest) ? incident.updatedAt() : latest;
        }
        return latest;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    /** What templates read: the figures in one language, with the page's words. */
    final class View {

        final PageFigures figures;
        final Locale locale;
        final PageFormats fmt;

        View(PageFigures figures, Locale locale) {
            this.figures = figures;
            this.locale = locale;
            this.fmt = new PageFormats(locale, ZoneId.of(figures.zone()), messages);
        }

        public String getBase() {
            return base(figures.page());
        }

        public String getLang() {
            return locale.getLanguage();
        }

        public String getOtherLang() {
            return locale.getLanguage().equals("fr") ? "en" : "fr";
        }

        /** Published systems not checked yet or paused: left out of the overall status. */
        public long getUnchecked() {
            return figures.systems().stream()
                    .filter(s -> s.status().equals("PENDING") || s.status().equals("PAUSED"))
                    .count();
        }

        public boolean isSecret() {
            return figures.page().visibility() == TrustPage.Visibility.SECRET;
        }

        public String getZone() {
            return figures.zone();
        }

        String message(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        /** An availability with its contract's decimals (the figure is already rounded down to them). */
        public String availability(BigDecimal value, int decimals) {
            if (value == null) {
                return message("trust.none");
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            format.setRoundingMode(java.math.RoundingMode.DOWN);
            return message("format.percent", format.format(value));
        }

        /** A met % as the compliance report gives it, to 2 decimals. */
        public String percent(BigDecimal value) {
            return availability(value, 2);
        }

        public String dayTitle(PageFigures.Day day, PageFigures.SystemFigures system) {
            String state = message("trust.day." + day.state());
            if (day.availability() == null) {
                return fmt.date(day.date()) + " · " + state;
            }
            String text = fmt.date(day.date()) + " · "
                    + availability(day.availability(), Math.max(2, system.decimals())) + " · " + state;
            return day.downtime().isZero()
                    ? text
                    : text + " · " + message("trust.day.down", fmt.duration(day.downtime()));
        }

        /** The bar's x position in the row of 90. */
        public int x(int index) {
            return index * 4;
        }

        public List<Incident.Update> newestFirst(Incident incident) {
            List<Incident.Update> updates = new ArrayList<>(incident.updates());
            java.util.Collections.reverse(updates);
            return updates;
        }

        public List<String> systemNames(Incident incident) {
            return figures.page().systems().stream()
                    .filter(s -> incident.systems().contains(s.monitor()))
                    .map(PublishedSystem::name)
                    .toList();
        }

        /** The counting rules in plain words, for the systems and figures this page shows. */
        public List<String> getRules() {
            List<String> rules = new ArrayList<>();
            if (!figures.systems().isEmpty()) {
                rules.add(message("trust.rules.availability"));
                rules.add(message("trust.rules.maintenance"));
                rules.add(message("trust.rules.decimals"));
                for (PageFigures.SystemFigures system : figures.systems()) {
                    rules.add(message(
                            system.businessHours() ? "trust.rules.business-hours" : "trust.rules.around-the-clock",
                            system.name()));
                    rules.add(
                            system.downAfter() > 0
                                    ? message("trust.rules.down", system.name(), system.downAfter(), system.upAfter())
                                    : message("trust.rules.down-reported", system.name()));
                }
            }
            if (!figures.clocks().isEmpty()) {
                rules.add(message("trust.rules.clocks"));
                rules.add(message("trust.rules.met"));
                if (figures.page().isMsp()) {
                    rules.add(message("trust.rules.every-client"));
                }
            }
            rules.add(message("trust.rules.month"));
            rules.add(message("trust.rules.refresh"));
            return rules;
        }
    }
}
