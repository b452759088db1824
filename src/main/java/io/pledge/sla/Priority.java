package io.pledge.sla;

import java.util.regex.Pattern;

/** A ticket priority code, {@code P1} (most urgent) to {@code P9}. */
public record Priority(String code) implements Comparable<Priority> {

    private static final Pattern CODE = Pattern.compile("P[1-9]");

    public Priority {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a priority code is P1..P9, got " + code);
        }
    }

    public static Priority of(String code) {
        return new Priority(code);
    }

    @Override
    public int compareTo(Priority other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
