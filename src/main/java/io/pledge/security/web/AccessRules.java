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
 * <p>A CLIENT caller acts for one client. Where a rule lets CLIENT in, the controller reads and writes
 * through the caller's scope, so another client's object answers 404, exactly as one that does not exist.
 */
final class AccessRules {

    /**
     * One operation and the roles that may call it. Where CLIENT is among them, the operation reads and
     * writes through the caller's {@link io.pledge.core.Scope}: its controller limits every query to the
     * caller's client.
     */
    record Rule(HttpMethod method, String pattern, Set<Role> roles) {

        boolean allowsClients() {
            return roles.contains(CLIENT);
        }
    }

    private static final Set<Role> ALL_STAFF = EnumSet.of(ADMIN, MANAGER, TECHNICIAN);
    private static final Set<Role> CATALOG_EDITORS = EnumSet.of(ADMIN, MANAGER);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    static final List<Rule> RULES = List.of(
            staff(HttpMethod.POST, "/api/v1/business-time/add"),
            staff(HttpMethod.POST, "/api/v1/business-time/between"),
            staff(HttpMethod.POST, "/api/v1/business-time/deadline"),
            staff(HttpMethod.POST, "/api/v1/sla/evaluate"),
            clients(HttpMethod.GET, "/api/v1/priorities"),
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
            clients(HttpMethod.GET, "/api/v1/clients/{client}"),
            editors(HttpMethod.PUT, "/api/v1/clients/{client}"),
            editors(HttpMethod.DELETE, "/api/v1/clients/{client}"),
            staff(HttpMethod.GET, "/api/v1/clients/{client}/contract"),
            // What a client signed, as it reads it: its contacts read their own client's terms.
            clients(HttpMethod.GET, "/api/v1/clients/{client}/terms"),
            staff(HttpMethod.GET, "/api/v1/clients/{client}/contracts"),
            editors(HttpMethod.POST, "/api/v1/clients/{client}/contracts"),
            staff(HttpMethod.GET, "/api/v1/contracts/{id}"),
            editors(HttpMethod.PUT, "/api/v1/contracts/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/contracts/{id}"),
            // Tickets: staff work them; a client's contacts see and open their own, and reply.
            clients(HttpMethod.GET, "/api/v1/tickets"),
            clients(HttpMethod.POST, "/api/v1/tickets"),
            clients(HttpMethod.GET, "/api/v1/tickets/{id}"),
            clients(HttpMethod.GET, "/api/v1/tickets/{id}/events"),
            clients(HttpMethod.GET, "/api/v1/tickets/{id}/sla"),
            clients(HttpMethod.GET, "/api/v1/tickets/{id}/evidence"),
            clients(HttpMethod.POST, "/api/v1/tickets/{id}/events"),
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
            editors(HttpMethod.GET, "/api/v1/imports"),
            editors(HttpMethod.GET, "/api/v1/imports/{id}"),
            // Uptime monitors: a client's contacts see their own monitors, availability and maintenance.
            clients(HttpMethod.GET, "/api/v1/monitors"),
            editors(HttpMethod.POST, "/api/v1/monitors"),
            clients(HttpMethod.GET, "/api/v1/monitors/{id}"),
            editors(HttpMethod.PUT, "/api/v1/monitors/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/monitors/{id}"),
            clients(HttpMethod.GET, "/api/v1/monitors/{id}/availability"),
            clients(HttpMethod.GET, "/api/v1/monitors/{id}/checks"),
            clients(HttpMethod.GET, "/api/v1/maintenance-windows"),
            editors(HttpMethod.POST, "/api/v1/maintenance-windows"),
            editors(HttpMethod.DELETE, "/api/v1/maintenance-windows/{id}"),
            staff(HttpMethod.GET, "/api/v1/monitoring-gaps"),
            // Reports: a client's contacts read their own client's compliance; the overview is the MSP's.
            clients(HttpMethod.GET, "/api/v1/reports/compliance/{client}"),
            staff(HttpMethod.GET, "/api/v1/reports/overview"),
            // The QBR pack: a client's contacts read their own client's pack; managers write its notes.
            clients(HttpMethod.GET, "/api/v1/reports/qbr/{client}/pdf"),
            clients(HttpMethod.GET, "/api/v1/reports/qbr/{client}/html"),
            editors(HttpMethod.GET, "/api/v1/reports/qbr/{client}/notes"),
            editors(HttpMethod.PUT, "/api/v1/reports/qbr/{client}/notes"),
            // Reports on schedule: managers set schedules, preview, resend and retry; a client's contacts list
            // and download the reports sent to their own client.
            editors(HttpMethod.GET, "/api/v1/reports/schedules"),
            editors(HttpMethod.GET, "/api/v1/reports/schedules/{client}"),
            editors(HttpMethod.PUT, "/api/v1/reports/schedules/{client}"),
            editors(HttpMethod.GET, "/api/v1/reports/schedules/{client}/preview"),
            clients(HttpMethod.GET, "/api/v1/reports/deliveries"),
            clients(HttpMethod.GET, "/api/v1/reports/deliveries/{id}"),
            clients(HttpMethod.GET, "/api/v1/reports/deliveries/{id}/pdf"),
            editors(HttpMethod.POST, "/api/v1/reports/deliveries/{id}/resend"),
            editors(HttpMethod.POST, "/api/v1/reports/deliveries/{id}/retry"),
            // Target advisor and internal goals: managers set targets.
            editors(HttpMethod.GET, "/api/v1/advisor"),
            editors(HttpMethod.GET, "/api/v1/advisor/goals"),
            editors(HttpMethod.PUT, "/api/v1/advisor/goals/{tier}/{priority}/{metric}"),
            editors(HttpMethod.DELETE, "/api/v1/advisor/goals/{tier}/{priority}/{metric}"),
            // What-if replays and proposals: managers set policies.
            editors(HttpMethod.POST, "/api/v1/what-if"),
            editors(HttpMethod.GET, "/api/v1/what-if/compare"),
            editors(HttpMethod.POST, "/api/v1/what-if/proposals"),
            editors(HttpMethod.GET, "/api/v1/what-if/proposals"),
            editors(HttpMethod.GET, "/api/v1/what-if/proposals/{id}"),
            editors(HttpMethod.GET, "/api/v1/what-if/proposals/{id}/replay"),
            editors(HttpMethod.POST, "/api/v1/what-if/proposals/{id}/adopt"),
            // Trust pages: managers publish pages, systems, figures and incidents; the public pages themselves
            // (/trust/**) need no sign-in and show only what is published.
            editors(HttpMethod.GET, "/api/v1/trust/pages"),
            editors(HttpMethod.POST, "/api/v1/trust/pages"),
            editors(HttpMethod.GET, "/api/v1/trust/pages/{id}"),
            editors(HttpMethod.PUT, "/api/v1/trust/pages/{id}"),
            editors(HttpMethod.DELETE, "/api/v1/trust/pages/{id}"),
            editors(HttpMethod.GET, "/api/v1/trust/pages/{id}/incidents"),
            editors(HttpMethod.POST, "/api/v1/trust/pages/{id}/incidents"),
            editors(HttpMethod.POST, "/api/v1/trust/pages/{id}/incidents/{incident}/updates"),
            editors(HttpMethod.DELETE, "/api/v1/trust/pages/{id}/incidents/{incident}"),
            new Rule(HttpMethod.GET, "/api/v1/tokens", ADMINS),
            new Rule(HttpMethod.POST, "/api/v1/tokens", ADMINS),
            new Rule(HttpMethod.DELETE, "/api/v1/tokens/{id}", ADMINS),
            new Rule(HttpMethod.GET, "/api/v1/audit/verify", ADMINS),
            new Rule(HttpMethod.GET, "/api/v1/users", ADMINS),
            new Rule(HttpMethod.POST, "/api/v1/users", ADMINS),
            new Rule(HttpMethod.PUT, "/api/v1/users/{id}", ADMINS),
            new Rule(HttpMethod.POST, "/api/v1/users/{id}/unlock", ADMINS));

    /**
     * A page of Pledge's web app: its address (and everything under it), the message key of its entry in
     * the navigation (null for a page reached from another), and the roles that may open it, the roles of
     * the API operation whose data it shows. The navigation lists, in this order, the pages of the caller's
     * role; the web filter chain refuses the others (403).
     */
    record Page(String path, String navigationKey, Set<Role> roles) {

        /** The pattern the filter chain authorizes: the page and everything under it. */
        String pattern() {
            return path + "/**";
        }
    }

    /**
     * The pages, in the navigation's order. A page mirrors the API operation whose data it shows, so that
     * a role sees in the browser exactly what it may read through the API.
     */
    static final List<Page> PAGES = List.of(
            // The client portal's home, where a client's contact lands: its own client's figures (staff have
            // the dashboard).
            new Page("/portal", "nav.portal", EnumSet.of(CLIENT)),
            // Every client's clocks, monitors and credits, and the dead deliveries (editors only in the API).
            new Page("/dashboard", "nav.dashboard", rolesOf(HttpMethod.GET, "/api/v1/deliveries")),
            // A client's compliance report and QBR pack: staff, and a client's contacts for their own.
            new Page("/reports", "nav.reports", rolesOf(HttpMethod.GET, "/api/v1/reports/compliance/{client}")),
            // The target advisor: managers and admins, as its API.
            new Page("/advisor", "nav.advisor", rolesOf(HttpMethod.GET, "/api/v1/advisor")),
            // The what-if replay, reached from the advisor: managers and admins, as its API; adopting first.
            new Page(
                    "/what-if/proposals/*/adopt",
                    null,
                    rolesOf(HttpMethod.POST, "/api/v1/what-if/proposals/{id}/adopt")),
            new Page("/what-if", null, rolesOf(HttpMethod.POST, "/api/v1/what-if")),
            // Reports mailed on schedule (editors only in the API): the forms and buttons that write first.
            new Page("/report-schedules/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/reports/schedules/{client}")),
            new Page(
                    "/report-schedules/*/preview",
                    null,
                    rolesOf(HttpMethod.GET, "/api/v1/reports/schedules/{client}/preview")),
            new Page(
                    "/report-schedules/deliveries/*/resend",
                    null,
                    rolesOf(HttpMethod.POST, "/api/v1/reports/deliveries/{id}/resend")),
            new Page(
                    "/report-schedules/deliveries/*/retry",
                    null,
                    rolesOf(HttpMethod.POST, "/api/v1/reports/deliveries/{id}/retry")),
            new Page("/report-schedules", "nav.report-schedules", rolesOf(HttpMethod.GET, "/api/v1/reports/schedules")),
            // Catalog: the forms that write, before the pages under which they sit (the first match decides).
            new Page("/calendars/new", null, rolesOf(HttpMethod.POST, "/api/v1/calendars")),
            new Page("/calendars/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/calendars/{id}")),
            new Page("/calendars", "nav.calendars", rolesOf(HttpMethod.GET, "/api/v1/calendars")),
            new Page("/tiers/new", null, rolesOf(HttpMethod.POST, "/api/v1/tiers")),
            new Page("/tiers/*/policies/new", null, rolesOf(HttpMethod.POST, "/api/v1/tiers/{id}/policies")),
            new Page("/tiers/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/tiers/{id}")),
            new Page("/tiers/*/delete", null, rolesOf(HttpMethod.DELETE, "/api/v1/tiers/{id}")),
            new Page("/tiers", "nav.tiers", rolesOf(HttpMethod.GET, "/api/v1/tiers")),
            new Page("/clients/new", null, rolesOf(HttpMethod.POST, "/api/v1/clients")),
            new Page("/clients/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/clients/{client}")),
            new Page("/clients/*/contracts/new", null, rolesOf(HttpMethod.POST, "/api/v1/clients/{client}/contracts")),
            new Page("/clients/*/contracts/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/contracts/{id}")),
            new Page("/clients/*/contracts/*/delete", null, rolesOf(HttpMethod.DELETE, "/api/v1/contracts/{id}")),
            new Page("/clients/*/delete", null, rolesOf(HttpMethod.DELETE, "/api/v1/clients/{client}")),
            // A client's page shows its contracts, which only staff read in the API.
            new Page("/clients", "nav.clients", rolesOf(HttpMethod.GET, "/api/v1/clients")),
            // The queue by time to breach and each ticket's page: staff, and a client's contacts for their own.
            new Page("/queue", "nav.queue", rolesOf(HttpMethod.GET, "/api/v1/tickets")),
            new Page("/tickets/new", null, rolesOf(HttpMethod.POST, "/api/v1/tickets")),
            new Page("/tickets", null, rolesOf(HttpMethod.GET, "/api/v1/tickets/{id}")),
            // A client's terms: tier, targets, business hours and holidays, covered services.
            new Page("/contract", "nav.contract", rolesOf(HttpMethod.GET, "/api/v1/clients/{client}/terms")),
            // Monitors: adding and changing one before the list and a monitor's page, which clients' contacts
            // see for their own client (the first pattern that matches decides).
            new Page("/monitors/new", null, rolesOf(HttpMethod.POST, "/api/v1/monitors")),
            new Page("/monitors/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/monitors/{id}")),
            new Page("/monitors", "nav.monitors", rolesOf(HttpMethod.GET, "/api/v1/monitors")),
            new Page("/maintenance-windows/new", null, rolesOf(HttpMethod.POST, "/api/v1/maintenance-windows")),
            new Page("/maintenance-windows", "nav.maintenance", rolesOf(HttpMethod.GET, "/api/v1/maintenance-windows")),
            // Escalation rules and their deliveries (editors only in the API): the forms and buttons that write
            // before the pages under which they sit; a rule's versions are under the list.
            new Page("/escalations/new", null, rolesOf(HttpMethod.POST, "/api/v1/escalations")),
            new Page("/escalations/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/escalations/{id}")),
            new Page("/escalations/*/retire", null, rolesOf(HttpMethod.DELETE, "/api/v1/escalations/{id}")),
            new Page("/escalations", "nav.escalations", rolesOf(HttpMethod.GET, "/api/v1/escalations")),
            new Page("/deliveries/*/retry", null, rolesOf(HttpMethod.POST, "/api/v1/deliveries/{id}/retry")),
            new Page("/deliveries", null, rolesOf(HttpMethod.GET, "/api/v1/deliveries")),
            // Sources and their status mappings: staff read them, editors register and map; imports are editors'.
            new Page("/sources/new", null, rolesOf(HttpMethod.POST, "/api/v1/sources")),
            new Page("/sources/*/statuses", null, rolesOf(HttpMethod.PUT, "/api/v1/sources/{source}/statuses")),
            new Page("/sources", "nav.sources", rolesOf(HttpMethod.GET, "/api/v1/sources")),
            new Page("/imports/new", null, rolesOf(HttpMethod.POST, "/api/v1/imports")),
            new Page("/imports", "nav.imports", rolesOf(HttpMethod.GET, "/api/v1/imports/{id}")),
            // People and API tokens: administrators only, as in the API.
            new Page("/users/new", null, rolesOf(HttpMethod.POST, "/api/v1/users")),
            new Page("/users/*/edit", null, rolesOf(HttpMethod.PUT, "/api/v1/users/{id}")),
            new Page("/users/*/unlock", null, rolesOf(HttpMethod.POST, "/api/v1/users/{id}/unlock")),
            new Page("/users", "nav.users", rolesOf(HttpMethod.GET, "/api/v1/users")),
            new Page("/tokens/new", null, rolesOf(HttpMethod.POST, "/api/v1/tokens")),
            new Page("/tokens/*/revoke", null, rolesOf(HttpMethod.DELETE, "/api/v1/tokens/{id}")),
            new Page("/tokens", "nav.tokens", rolesOf(HttpMethod.GET, "/api/v1/tokens")));

    private AccessRules() {}

    /** The roles of an API operation in {@link #RULES}. */
    static Set<Role> rolesOf(HttpMethod method, String pattern) {
        return RULES.stream()
                .filter(rule -> rule.method().equals(method) && rule.pattern().equals(pattern))
                .findFirst()
                .map(Rule::roles)
                .orElseThrow(() -> new IllegalArgumentException("no rule for " + method + " " + pattern));
    }

    private static Rule staff(HttpMethod method, String pattern) {
        return new Rule(method, pattern, ALL_STAFF);
    }

    private static Rule editors(HttpMethod method, String pattern) {
        return new Rule(method, pattern, CATALOG_EDITORS);
    }

    /** Staff, and a client's contacts within their own client. */
    private static Rule clients(HttpMethod method, String pattern) {
        return new Rule(method, pattern, withClient(ALL_STAFF));
    }

    private static Set<Role> withClient(Set<Role> roles) {
        Set<Role> with = EnumSet.copyOf(roles);
        with.add(CLIENT);
        return with;
    }
}
