package io.pledge.core;

import java.util.List;

/**
 * The request is well formed but cannot be applied: it refers to something that does not exist
 * (HTTP 422). Each violation names the field holding the reference.
 */
public class UnprocessableException extends RuntimeException {

    private final List<Violation> violations;

    public UnprocessableException(List<Violation> violations) {
        super(InvalidRequestException.describe(violations));
        this.violations = List.copyOf(violations);
    }

    public UnprocessableException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
