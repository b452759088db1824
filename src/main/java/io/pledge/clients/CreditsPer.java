package io.pledge.clients;

/**
 * What one availability credit line is counted for: each monitor on its own, or each covered service by
 * its worst monitor (so that a service watched by three monitors is credited once, not three times).
 */
public enum CreditsPer {
    /** One line per monitor whose availability falls below a step: the behaviour of policies that say nothing. */
    MONITOR,
    /** One line per covered service, from the lowest availability among its monitors. */
    SERVICE
}
