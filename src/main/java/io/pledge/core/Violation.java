package io.pledge.core;

import java.util.Objects;

/**
 * One reason a request was rejected: the path of the offending field in the request document
 * ({@code hours.tue[1]}, {@code targets[0].target}) and what is wrong with it.
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        // A message may quote the rejected value: keep the answer writable whatever the value held.
        field = Texts.clean(field);
        message = Texts.clean(message);
    }
}
