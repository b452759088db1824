package io.pledge.sla;

import io.pledge.core.Violations;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an event document's type and the fields its type needs, one way for every door events come in
 * by (the tickets API, ingest, imports and {@code /sla/evaluate}); each door then reads what is its own
 * (when the event happened, an assignment, a text). Violations name the field ({@code type},
 * {@code priority}, {@code status}, {@code author}) under the caller's prefix.
 */
public final class EventParser {

    /** The types a door accepts, and how its message names them ({@code "…" is not a valid <what>}). */
    public record Accepted(Set<EventType> types, String what) {

        public Accepted {
            types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        }

        /** The types, named in the message in declaration order: {@code event type (CREATED, …)}. */
        public static Accepted listing(Set<EventType> types) {
            String names = EnumSet.copyOf(types).stream().map(Enum::name).collect(Collectors.joining(", "));
            return new Accepted(types, "event type (" + names + ")");
        }
    }

    /** A whole timeline's events: every type that moves clocks, CREATED included. */
    public static final Accepted TIMELINE = Accepted.listing(EnumSet.complementOf(EnumSet.of(EventType.ASSIGNED)));

    /** How a STATUS_CHANGED event's status is read; violations go under {@code status}, null when invalid. */
    @FunctionalInterface
    public interface StatusReader {
        TicketStatus read(String status, Violations fields);
    }

    /** The engine's own statuses by name, in any case, and nothing else. */
    public static final StatusReader ENGINE_STATUSES = (status, fields) -> fields.parse(
            "status",
            status,
            "status " + Arrays.toString(TicketStatus.values()),
            text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));

    /**
     * What an event's type needs, read: null where the type needs nothing or the field is invalid.
     *
     * @param statusLabel the status as the document wrote it (stripped), when it was read
     * @param isPublic for a reply: whether it is public (true unless the document says false)
     */
    public record Details(
            Priority priority, TicketStatus status, String statusLabel, TicketEvent.Author author, Boolean isPublic) {

        /** The author's name (AGENT or CUSTOMER), as stored; null when none. */
        public String authorName() {
            return author == null ? null : author.name();
        }
    }

    private static final Details NOTHING = new Details(null, null, null, null, null);

    private EventParser() {}

    /** The event's type, in any case, among the accepted ones; null when absent or not accepted (recorded). */
    public static EventType type(String type, Accepted accepted, Violations fields) {
        return fields.parse("type", type, accepted.what(), text -> {
            EventType parsed = EventType.valueOf(text.toUpperCase(Locale.ROOT));
            if (!accepted.types().contains(parsed)) {
                throw new IllegalArgumentException("not accepted here: " + parsed);
            }
            return parsed;
        });
    }

    /** The fields {@code type} needs from the document, read; the others are ignored. */
    public static Details details(
            EventType type, EventFields document, PriorityScheme priorities, StatusReader statuses, Violations fields) {
        return switch (type) {
            case CREATED, PRIORITY_CHANGED ->
                new Details(priority(document, priorities, fields), null, null, null, null);
            case STATUS_CHANGED -> {
                TicketStatus status = statuses.read(document.status(), fields);
                yield new Details(
                        null, status, status == null ? null : document.status().strip(), null, null);
            }
            case REPLIED ->
                new Details(
                        null,
                        null,
                        null,
                        fields.parse(
                                "author",
                                document.author(),
                                "author (AGENT or CUSTOMER)",
                                text -> TicketEvent.Author.valueOf(text.toUpperCase(Locale.ROOT))),
                        document.isPublic() == null || document.isPublic());
            default -> NOTHING;
        };
    }

    private static Priority priority(EventFields document, PriorityScheme priorities, Violations fields) {
        return fields.parse(
                "priority",
                document.priority(),
                "priority (" + priorities.describe() + ")",
                code -> priorities.find(code.toUpperCase(Locale.ROOT)).orElseThrow());
    }
}
