package io.pledge.core;

/**
 * A value parsed well but lies outside the range Pledge accepts for it (see {@link Instants},
 * {@link Durations}, {@link Numbers}); the message says what the range is, as a request violation
 * would ("must be from ... to ...").
 */
public class OutOfRangeException extends IllegalArgumentException {

    public OutOfRangeException(String message) {
        super(message);
    }
}
