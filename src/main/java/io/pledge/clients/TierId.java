package io.pledge.clients;

import java.util.Objects;
import java.util.UUID;

/** Identity of a tier. */
public record TierId(UUID value) {

    public TierId {
        Objects.requireNonNull(value, "value");
    }

    public static TierId random() {
        return new TierId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
