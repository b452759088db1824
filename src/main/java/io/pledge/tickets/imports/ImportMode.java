package io.pledge.tickets.imports;

/** What an import does with invalid rows. */
public enum ImportMode {
    /** One invalid row and nothing is stored; the errors are listed. */
    ALL_OR_NOTHING,
    /** Invalid rows are reported and left out; the rest is stored. */
    SKIP_INVALID
}
