package io.pledge.tickets.imports;

/** Hears how far an import has got. */
public interface ProgressListener {

    void rowsRead(long rows);

    default void stored(long tickets, long events) {}
}
