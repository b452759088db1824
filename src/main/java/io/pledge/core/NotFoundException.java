package io.pledge.core;

/** The addressed resource does not exist, or is not visible to the caller (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
    }
}
