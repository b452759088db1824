package io.pledge.security.web;

import static io.pledge.security.Role.ADMIN;
import static io.pledge.security.Role.CLIENT;
import static io.pledge.security.Role.MANAGER;
import static io.pledge.security.Role.TECHNICIAN;

import io.pledge.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call which operation of {@code /api/**}: the one table every request is checked against,
 * before any controller runs. An operation without a rule here is refused to everyone, ADMIN included.
 *
 * <p>A CLIENT caller acts for one client. Where a rule lets CLIENT in, it says how the request is kept to
 * that client ({@link ClientScope}); another client's object answers 404, as if it did not exist.
 */
final class AccessRules {

    /** How a CLIENT caller's request is kept to its own client. */
    enum ClientScope {
        /** Not open to CLIENT callers. */
        NONE,
        /** Nothing client-specific in it (the list of priorities). */
        ANY,
        /** A path variable names an object of {@link Rule#collection()}, which must be the caller's client's. */
        OWN_PATH,
        /** A list: its {@code client} filter is set to the caller's client (naming another is a 404). */
        OWN_LIST,
        /** A document naming a {@code client}: set to the caller's client (naming another is a 404). */
        OWN_BODY,
        /** As OWN_PATH, and the event posted can only be the client's own public reply. */
        OWN_PATH_REPLY
    }

    record Rule(
            HttpMethod method, String pattern, Set<Role> roles, ClientScope scope, String collection, String variable) {

        boolean allowsClients() {
            return scope != ClientScope.NONE;
        }
    }

    private static final Set<Role> ALL_STAFF = EnumSet.of(ADMIN, MANAGER, TECHNICIAN);
    private static final Set<Role> CATALOG_EDITORS = EnumSet.of(ADMIN, MANAGER);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    static final List<Rule> RULES = List.of(
            staff(HttpMethod.POST, "/api/v1/business-time/add"),
            staff(HttpMethod.POST, "/api/v1/business-time/between"),
            staff(HttpMethod.POST, "/api/v1/sla/evaluate"),
            new Rule(HttpMethod.GET, "/api/v1/priorities", withClient(ALL_STAFF), ClientScope.ANY, null, null),
            // Catalog: calendars, tiers and their policy versions, clients, contracts.
            staff(HttpMethod.GET, "/api/v1/calendars"),
            staff(HttpMethod.GET, "/api/v1/calendars/{id}"),
            editors(HttpMethod.POST, "/api/v1/calendars"),
            editors(HttpMethod.PUT, "/api/v1/calendars/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/calendars/{id}"),
            staff(HttpMethod.GET, "/api/v1/tiers"),
            staff(HttpMethod.GET, "/api/v1/tiers/{id}"),
            staff(HttpMethod.GET, "/api/v1/tiers/{id}/policies"),
            staff(HttpMethod.GET, "/api/v1/tiers/{id}/policies/{version}"),
            editors(HttpMethod.POST, "/api/v1/tiers"),
            editors(HttpMethod.PUT, "/api/v1/tiers/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/tiers/{id}"),
            editors(HttpMethod.POST, "/api/v1/tiers/{id}/policies"),
            staff(HttpMethod.GET, "/api/v1/clients"),
            editors(HttpMethod.POST, "/api/v1/clients"),
            ownPath(HttpMethod.GET, "/api/v1/clients/{client}", "clients", "client"),
            editors(HttpMethod.PUT, "/api/v1/clients/{client}"),
            editors(HttpMethod.DELETE, "/api/v1/clients/{client}"),
            staff(HttpMethod.GET, "/api/v1/clients/{client}/contract"),
            staff(HttpMethod.GET, "/api/v1/clients/{client}/contracts"),
            editors(HttpMethod.POST, "/api/v1/clients/{client}/contracts"),
            staff(HttpMethod.GET, "/api/v1/contracts/{id}"),
            editors(HttpMethod.PUT, "/api/v1/contracts/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/contracts/{id}"),
            // Tickets: staff work them; a client's contacts see and open their own, and reply.
            new Rule(HttpMethod.GET, "/api/v1/tickets", withClient(ALL_STAFF), ClientScope.OWN_LIST, null, null),
            new Rule(HttpMethod.POST, "/api/v1/tickets", withClient(ALL_STAFF), ClientScope.OWN_BODY, null, null),
            ownPath(HttpMethod.GET, "/api/v1/tickets/{id}", "tickets", "id"),
            ownPath(HttpMethod.GET, "/api/v1/tickets/{id}/events", "tickets", "id"),
            ownPath(HttpMethod.GET, "/api/v1/tickets/{id}/sla", "tickets", "id"),
            ownPath(HttpMethod.GET, "/api/v1/tickets/{id}/evidence", "tickets", "id"),
            new Rule(
                    HttpMethod.POST,
                    "/api/v1/tickets/{id}/events",
                    withClient(ALL_STAFF),
                    ClientScope.OWN_PATH_REPLY,
                    "tickets",
                    "id"),
            staff(HttpMethod.GET, "/api/v1/teams"),
            editors(HttpMethod.POST, "/api/v1/teams"),
            editors(HttpMethod.PUT, "/api/v1/teams/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/teams/{id}"),
            staff(HttpMethod.GET, "/api/v1/technicians"),
            editors(HttpMethod.POST, "/api/v1/technicians"),
            editors(HttpMethod.PUT, "/api/v1/technicians/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/technicians/{id}"),
            // Integrations: sources and their status names, imports of history, tokens.
            staff(HttpMethod.GET, "/api/v1/sources"),
            staff(HttpMethod.GET, "/api/v1/sources/{source}/statuses"),
            editors(HttpMethod.POST, "/api/v1/sources"),
            editors(HttpMethod.PUT, "/api/v1/sources/{source}/statuses"),
            editors(HttpMethod.POST, "/api/v1/imports"),
            // Escalations and what they deliver.
            editors(HttpMethod.GET, "/api/v1/escalations"),
            editors(HttpMethod.POST, "/api/v1/escalations"),
            editors(HttpMethod.GET, "/api/v1/escalations/{id}/versions"),
            editors(HttpMethod.PUT, "/api/v1/escalations/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/escalations/{id}"),
            editors(HttpMethod.GET, "/api/v1/deliveries"),
            editors(HttpMethod.POST, "/api/v1/deliveries/{id}/retry"),
            editors(HttpMethod.GET, "/api/v1/imports/{id}"),
            // Uptime monitors: a client's contacts see their own monitors, availability and maintenance.
            new Rule(HttpMethod.GET, "/api/v1/monitors", withClient(ALL_STAFF), ClientScope.OWN_LIST, null, null),
            editors(HttpMethod.POST, "/api/v1/monitors"),
            ownPath(HttpMethod.GET, "/api/v1/monitors/{id}", "monitors", "id"),
            editors(HttpMethod.PUT, "/api/v1/monitors/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/monitors/{id}"),
            ownPath(HttpMethod.GET, "/api/v1/monitors/{id}/availability", "monitors", "id"),
            ownPath(HttpMethod.GET, "/api/v1/monitors/{id}/checks", "monitors", "id"),
            new Rule(
                    HttpMethod.GET,
                    "/api/v1/maintenance-windows",
                    withClient(ALL_STAFF),
                    ClientScope.OWN_LIST,
                    null,
                    null),
            editors(HttpMethod.POST, "/api/v1/maintenance-windows"),
            editors(HttpMethod.DELETE, "/api/v1/maintenance-windows/{id}"),
            staff(HttpMethod.GET, "/api/v1/monitoring-gaps"),
            new Rule(HttpMethod.GET, "/api/v1/tokens", ADMINS, ClientScope.NONE, null, null),
            new Rule(HttpMethod.POST, "/api/v1/tokens", ADMINS, ClientScope.NONE, null, null),
            new Rule(HttpMethod.DELETE, "/api/v1/tokens/{id}", ADMINS, ClientScope.NONE, null, null),
            new Rule(HttpMethod.GET, "/api/v1/audit/verify", ADMINS, ClientScope.NONE, null, null),
            new Rule(HttpMethod.GET, "/api/v1/users", ADMINS, ClientScope.NONE, null, null),
            new Rule(HttpMethod.POST, "/api/v1/users", ADMINS, ClientScope.NONE, null, null),
            new Rule(HttpMethod.PUT, "/api/v1/users/{id}", ADMINS, ClientScope.NONE, null, null),
            new Rule(HttpMethod.POST, "/api/v1/users/{id}/unlock", ADMINS, ClientScope.NONE, null, null));

    private AccessRules() {}

    private static Rule staff(HttpMethod method, String pattern) {
        return new Rule(method, pattern, ALL_STAFF, ClientScope.NONE, null, null);
    }

    private static Rule editors(HttpMethod method, String pattern) {
        return new Rule(method, pattern, CATALOG_EDITORS, ClientScope.NONE, null, null);
    }

    private static Rule ownPath(HttpMethod method, String pattern, String collection, String variable) {
        return new Rule(method, pattern, withClient(ALL_STAFF), ClientScope.OWN_PATH, collection, variable);
    }

    private static Set<Role> withClient(Set<Role> roles) {
        Set<Role> with = EnumSet.copyOf(roles);
        with.add(CLIENT);
        return with;
    }
}
