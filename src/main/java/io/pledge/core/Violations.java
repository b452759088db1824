package io.pledge.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects every violation of a request document so that one answer names all invalid fields, then
 * rejects the request as a whole. Also reads loosely typed document values (as a JSON binder leaves
 * them: strings, numbers, lists, maps) without ever throwing on a wrong type.
 */
public final class Violations {

    private final List<Violation> found;
    private final String prefix;

    public Violations() {
        this(new ArrayList<>(), "");
    }

    private Violations(List<Violation> found, String prefix) {
        this.found = found;
        this.prefix = prefix;
    }

    /**
     * A view that records into the same list with field names under {@code prefix}, for a document
     * nested in a larger request (a policy inside a tier: {@code policy.targets[0].target}).
     */
    public Violations under(String prefix) {
        return new Violations(found, this.prefix + prefix);
    }

    public void add(String field, String message) {
        found.add(new Violation(prefix + field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int count() {
        return found.size();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws {@link InvalidRequestException} naming every violation found so far, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }

    /** A required, non-blank text no longer than {@code maxLength}; null when invalid. */
    public String text(String field, Object value, int maxLength) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
            return null;
        }
        if (!(value instanceof String s)) {
            add(field, "must be a string");
            return null;
        }
        if (!Texts.wellFormed(s)) {
            add(field, Texts.MALFORMED);
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return trimmed;
    }

    /** An optional text: null when absent or blank, or when invalid (then recorded). */
    public String optionalText(String field, Object value, int maxLength) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        return text(field, value, maxLength);
    }

    /**
     * Parses a required string value with {@code parser}; a parser exception records
     * {@code field: "value" is not a valid <what>}. Returns null when absent or invalid.
     */
    public <T> T parse(String field, Object value, String what, Function<String, T> parser) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
            return null;
        }
        return parseOptional(field, value, what, parser);
    }

    /** Like {@link #parse} but absence is allowed (returns null without a violation). */
    public <T> T parseOptional(String field, Object value, String what, Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            add(field, "must be a string (" + what + ")");
            return null;
        }
        try {
            return parser.apply(s.strip());
        } catch (OutOfRangeException e) {
            add(field, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            add(field, "\"" + Texts.quoted(s, 100) + "\" is not a valid " + what);
            return null;
        }
    }

    /** The value as a list, or null (recording a violation) when it is something else. */
    public List<?> list(String field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        add(field, "must be an array");
        return null;
    }

    /** The value as an object (string keys), or null (recording a violation) when it is not one. */
    public Map<?, ?> object(String field, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        add(field, "must be an object");
        return null;
    }
}
