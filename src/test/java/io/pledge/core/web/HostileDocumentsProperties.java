package io.pledge.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.calendar.CalendarDefinition;
import io.pledge.calendar.CalendarDocument;
import io.pledge.clients.ClientDetails;
import io.pledge.clients.ClientDocument;
import io.pledge.clients.ContractDocument;
import io.pledge.clients.ContractTerms;
import io.pledge.clients.PolicyTerms;
import io.pledge.clients.TierPolicyDocument;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.sla.EventDocument;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicy;
import io.pledge.sla.SlaPolicyDocument;
import io.pledge.sla.TimelineParser;
import io.pledge.tickets.IngestEvent;
import io.pledge.tickets.TicketDocument;
import io.pledge.tickets.TicketEventDocument;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile JSON documents for every document Pledge binds and the plain-Java parser behind it (calendar
 * definitions, tier and SLA policies, clients, contracts, tickets, ticket events, timelines, ingest
 * events): wrong types, nulls, extreme numbers, instants and durations, huge texts, lone surrogates,
 * deep nesting. Binding through the application's JSON configuration and parsing either succeeds or
 * fails with a validation error (a binding error naming the path, {@link InvalidRequestException},
 * {@link UnprocessableException}); any other exception fails the property.
 */
class HostileDocumentsProperties {

    private static final JsonMapper JSON = JsonLimitsTest.mapper();

    /** Property names of every document, so that generated objects often use real ones. */
    private static final List<String> NAMES = names(
            CalendarDocument.class,
            TierPolicyDocument.class,
            SlaPolicyDocument.class,
            SlaPolicyDocument.TargetDocument.class,
            io.pledge.clients.CreditStep.class,
            TierPolicyDocument.TicketCreditDocument.class,
            ClientDocument.class,
            ClientDocument.ContactDocument.class,
            ContractDocument.class,
            TicketDocument.class,
            TicketEventDocument.class,
            EventDocument.class,
            IngestEvent.class);

    @Property(tries = 400)
    void aCalendarDefinition(@ForAll("documents") String json) {
        accepts(json, CalendarDocument.class, document -> CalendarDefinition.parse(document, new Violations()));
        accepts(json, CalendarDocument.class, CalendarDefinition::parse);
    }

    @Property(tries = 400)
    void aTierPolicy(@ForAll("documents") String json) {
        accepts(json, TierPolicyDocument.class, document -> PolicyTerms.parse(document, PriorityScheme.STANDARD));
    }

    @Property(tries = 400)
    void anSlaPolicy(@ForAll("documents") String json) {
        accepts(json, SlaPolicyDocument.class, document -> {
            Violations violations = new Violations();
            SlaPolicy.parse(document, PriorityScheme.STANDARD, violations);
            violations.throwIfAny();
        });
    }

    @Property(tries = 400)
    void aClient(@ForAll("documents") String json) {
        accepts(json, ClientDocument.class, ClientDetails::parse);
    }

    @Property(tries = 400)
    void aContract(@ForAll("documents") String json) {
        accepts(json, ContractDocument.class, ContractTerms::parse);
    }

    @Property(tries = 400)
    void aTimeline(@ForAll("documentLists") String json) {
        accepts(json, new TypeReference<List<EventDocument>>() {}, documents -> {
            Violations violations = new Violations();
            TimelineParser.parse(documents, PriorityScheme.STANDARD, violations);
            violations.throwIfAny();
        });
    }

    @Property(tries = 300)
    void aTicketAnEventAndAnIngestEventBind(@ForAll("documents") String json) {
        accepts(json, TicketDocument.class, document -> {});
        accepts(json, TicketEventDocument.class, document -> {});
        accepts(json, IngestEvent.class, document -> {});
    }

    /** Documents that once raised server errors, kept as fixed cases. */
    @Example
    void documentsThatOnceFailedWithAServerError() {
        anSlaPolicy("{\"targets\": [{\"priority\": \"P1\", \"metric\": \"RESOLUTION\", \"target\": \"PT4H\"}],"
                + " \"thresholds\": [null]}");
        anSlaPolicy("{\"targets\": [{\"priority\": \"P1\", \"metric\": \"RESOLUTION\", \"target\": \"PT4H\"}],"
                + " \"thresholds\": [1e-999999999]}");
        aTierPolicy("{\"targets\": [{\"priority\": \"P1\", \"metric\": \"RESOLUTION\","
                + " \"target\": \"PT2562047788015215H\"}], \"warnBefore\": [\"PT2562047788015215H\"]}");
        aContract("{\"tierId\": \"7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001\", \"startDate\": \"-999999999-01-01\"}");
        aTimeline("[{\"type\": \"CREATED\", \"at\": \"-999999999-01-01T00:00:00Z\", \"priority\": \"P1\"}]");
        aClient("{\"name\": 12345, \"slug\": \"a\", \"zone\": \"UTC\"}");
    }

    private static <T> void accepts(String json, Class<T> type, Consumer<T> parser) {
        T document;
        try {
            document = JSON.readValue(json, type);
        } catch (JacksonException refused) {
            // A binding error names its path (HTTP 400): JsonViolations must describe it without failing.
            assertThat(JsonViolations.of(refused, "").field()).isNotNull();
            return;
        }
        parse(document, parser);
    }

    private static <T> void accepts(String json, TypeReference<T> type, Consumer<T> parser) {
        T document;
        try {
            document = JSON.readValue(json, type);
        } catch (JacksonException refused) {
            assertThat(JsonViolations.of(refused, "").field()).isNotNull();
            return;
        }
        parse(document, parser);
    }

    private static <T> void parse(T document, Consumer<T> parser) {
        if (document == null) {
            return; // "null" binds to no document: every endpoint refuses a missing body before parsing
        }
        try {
            parser.accept(document);
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).isNotEmpty();
        } catch (UnprocessableException refused) {
            assertThat(refused.violations()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, object(3)), net.jqwik.api.Tuple.of(1, broken()));
    }

    @Provide
    Arbitrary<String> documentLists() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        12, object(3).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
                net.jqwik.api.Tuple.of(1, broken()));
    }

    private static Arbitrary<String> object(int depth) {
        Arbitrary<String> entry = net.jqwik.api.Combinators.combine(name(), value(depth - 1))
                .as((name, value) -> "\"" + name + "\": " + value);
        return entry.list().ofMaxSize(8).map(entries -> "{" + String.join(", ", entries) + "}");
    }

    private static Arbitrary<String> name() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of(NAMES)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "mon", "tue", "sun", "RESOLUTION", "FIRST_RESPONSE", "2026-12-24", "\\ud800", "")));
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = scalar();
        if (depth <= 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, scalar),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.lazy(() -> value(depth - 1))
                                .list()
                                .ofMaxSize(4)
                                .map(items -> "[" + String.join(", ", items) + "]")),
                net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> object(depth))));
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-1",
                        "1",
                        "0.75",
                        "0.9",
                        "99.9",
                        "12345",
                        "1e-999999999",
                        "1E+999999999",
                        "-1e308",
                        "1e309",
                        "99999999999999999999999999",
                        "0.0000000001",
                        "\"\"",
                        "\" \"",
                        "\"24x7\"",
                        "\"UTC\"",
                        "\"Europe/Paris\"",
                        "\"Mars/Base\"",
                        "\"P1\"",
                        "\"P9\"",
                        "\"CREATED\"",
                        "\"REPLIED\"",
                        "\"RESOLVED\"",
                        "\"RESUME\"",
                        "\"FIRST_RESPONSE\"",
                        "\"08:30\"",
                        "\"24:00\"",
                        "\"25:61\"",
                        "[\"08:30\", \"12:30\"]",
                        "[\"18:00\", \"08:00\"]",
                        "\"FR\"",
                        "\"US-NY\"",
                        "\"PT4H\"",
                        "\"PT0S\"",
                        "\"-PT4H\"",
                        "\"PT2562047788015215H\"",
                        "\"P36525D\"",
                        "\"2026-03-27T16:00:00Z\"",
                        "\"1969-12-31T23:59:59Z\"",
                        "\"0000-01-01T00:00:00Z\"",
                        "\"-999999999-01-01T00:00:00Z\"",
                        "\"+999999999-12-31T23:59:59Z\"",
                        "\"2026-03-27\"",
                        "\"0000-01-01\"",
                        "\"+999999999-12-31\"",
                        "\"http://[::1\"",
                        "\"\\ud800\"",
                        "\"a\\udc00b\"",
                        "\"\\u0000\"",
                        "\"7d7f0a5e-8c1b-4a53-9d43-54f1c0f5a001\""),
                Arbitraries.strings().ofMaxLength(30).map(HostileDocumentsProperties::quoted),
                Arbitraries.integers().between(1, 3).map(size -> "\"" + "x".repeat(size * 40_000) + "\""));
    }

    private static Arbitrary<String> broken() {
        return Arbitraries.of(
                "null",
                "[]",
                "\"text\"",
                "12345",
                "{\"a\":",
                "{\"a\": 1,}",
                "[".repeat(200) + "]".repeat(200),
                "{\"a\":".repeat(100) + "1" + "}".repeat(100),
                "");
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static List<String> names(Class<?>... records) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : records) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        }
        names.add("public");
        names.add("id");
        return new ArrayList<>(names);
    }
}
