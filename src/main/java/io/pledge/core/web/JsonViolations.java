package io.pledge.core.web;

import io.pledge.core.Violation;
import java.util.List;
import tools.jackson.core.JacksonException;

/** Names the field a JSON binding failed on, from the path Jackson reports. */
public final class JsonViolations {

    private JsonViolations() {}

    /** The violation for a binding failure, its field path under {@code prefix} (such as {@code policy.}). */
    public static Violation of(JacksonException failure, String prefix) {
        String message = failure.getClass().getSimpleName().startsWith("UnrecognizedProperty")
                ? "unknown field"
                : "wrong type or format (" + firstLine(failure.getOriginalMessage()) + ")";
        String path = path(failure.getPath());
        return new Violation(
                path.isEmpty() ? (prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1)) : prefix + path,
                message);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
