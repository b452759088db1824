package io.pledge.tickets.imports;

/** The layouts Pledge imports history from. */
public enum ImportPreset {
    /** A ServiceNow incident audit export: one row per update of an incident. */
    SERVICENOW,
    /** One row per ticket, columns named by a mapping. */
    GENERIC
}
