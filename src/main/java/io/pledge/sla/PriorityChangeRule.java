package io.pledge.sla;

/** What a priority change does to running clocks. */
public enum PriorityChangeRule {
    /** The elapsed business time counts against the new priority's target. */
    RETROACTIVE,
    /** The clock restarts from zero at the change, against the new target. */
    RESTART
}
