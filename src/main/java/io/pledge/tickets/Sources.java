package io.pledge.tickets;

import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Secrets;
import io.pledge.core.Violations;
import io.pledge.sla.EventParser;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.jdbc.SourceStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesks and PSAs feeding Pledge as administrators register them: a name, the HMAC-SHA256
 * secret their webhooks are signed with, and the mapping of their own status labels to engine statuses.
 */
@Service
@Transactional
public class Sources {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The shortest signing secret a source may be given. */
    static final int MIN_SECRET_LENGTH = 32;

    private final SourceStore store;
    private final Clock clock;

    Sources(SourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A registered source with its signing secret, shown only when it is registered. */
    public record Registered(String name, String secret) {}

    /** Registers a source with the secret given, or a new random one; a conflict when the name is taken. */
    public Registered register(String name, String secret) {
        Violations violations = new Violations();
        String checkedName = violations.text("name", name, 63);
        if (checkedName != null && !NAME.matcher(checkedName).matches()) {
            violations.add(
                    "name",
                    "must be lower-case letters and digits in words joined by '-', got \"" + checkedName + "\"");
        }
        String checkedSecret = violations.optionalText("secret", secret, 200);
        if (checkedSecret != null && checkedSecret.length() < MIN_SECRET_LENGTH) {
            violations.add("secret", "must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        violations.throwIfAny();
        if (checkedSecret == null) {
            checkedSecret = Secrets.newSecret();
        }
        try {
            store.add(checkedName, checkedSecret, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "source \"" + checkedName + "\" already exists");
        }
        return new Registered(checkedName, checkedSecret);
    }

    /** The names of the sources, in order. */
    @Transactional(readOnly = true)
    public List<String> names() {
        return store.names();
    }

    /** A source's own status labels and the engine status each maps to. */
    @Transactional(readOnly = true)
    public Map<String, TicketStatus> statuses(String source) {
        requireSource(source);
        return store.statusMap(source);
    }

    /**
     * Replaces a source's status mapping ({@code {"Waiting on Microsoft": "WAITING_ON_VENDOR"}}); each
     * invalid entry is named by its label.
     */
    public Map<String, TicketStatus> mapStatuses(String source, Map<String, String> mapping) {
        requireSource(source);
        Violations violations = new Violations();
        Map<String, TicketStatus> parsed = new LinkedHashMap<>();
        mapping.forEach((label, status) -> {
            if (label.isBlank() || label.length() > 200) {
                violations.add(label, "a label has 1 to 200 characters");
                return;
            }
            TicketStatus engine = violations.parse(
                    label, status, "status", text -> TicketStatus.valueOf(text.toUpperCase(Locale.ROOT)));
            if (engine != null) {
                parsed.put(label.strip(), engine);
            }
        });
        violations.throwIfAny();
        store.replaceStatusMap(source, parsed);
        return store.statusMap(source);
    }

    /**
     * How a STATUS_CHANGED event's status is read for a source: an engine status by name, or the source's
     * own label as its mapping says; anything else is named as unknown. A null source is Pledge's own desk.
     */
    @Transactional(readOnly = true)
    public EventParser.StatusReader statusReader(String source) {
        String name = source == null ? TicketDesk.OWN_SOURCE : source;
        return (text, fields) -> {
            String label = fields.text("status", text, 200);
            if (label == null) {
                return null;
            }
            TicketStatus status = status(name, label);
            if (status == null) {
                fields.add(
                        "status",
                        "unknown status \"" + label + "\": use an engine status or map it for source " + name);
            }
            return status;
        };
    }

    private TicketStatus status(String source, String label) {
        try {
            return TicketStatus.valueOf(label.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException notAnEngineStatus) {
            return store.statusMap(source).entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(label.strip()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    private void requireSource(String source) {
        if (store.secret(source).isEmpty()) {
            throw new NotFoundException("source", source);
        }
    }
}
