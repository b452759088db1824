package io.pledge.core;

/** The caller may call this operation, but not ask this of it (HTTP 403); the message says why. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
