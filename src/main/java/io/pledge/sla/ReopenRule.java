package io.pledge.sla;

/** What a reopened ticket does to its resolution clock. */
public enum ReopenRule {
    /** Resume counting with the business time already counted. */
    RESUME,
    /** Start a new clock cycle from zero. */
    NEW_CYCLE
}
