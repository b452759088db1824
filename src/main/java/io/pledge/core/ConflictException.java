package io.pledge.core;

/**
 * The request contradicts the current state: a slug already taken, a contract overlapping another,
 * a calendar still in use (HTTP 409). {@code field} names the part of the request in conflict.
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
