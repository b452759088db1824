package io.pledge.security;

/** What a user or token may do. */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Catalog, contracts, rules, reports. */
    MANAGER,
    /** Tickets; reads the catalog. */
    TECHNICIAN,
    /** A contact of one client: only that client's data. */
    CLIENT
}
