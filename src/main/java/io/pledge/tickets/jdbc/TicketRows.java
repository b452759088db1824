package io.pledge.tickets.jdbc;

import io.pledge.clients.ClientId;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.Ticket;
import io.pledge.tickets.TicketId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Ticket rows read back into tickets: whole, or only what the SLA engine reads. */
final class TicketRows {

    /** The columns {@link #forEngine} reads. */
    static final String ENGINE_COLUMNS = """
            id, client_id, contract_id, tier_id, policy_version, calendar_id, scope_reason,
            priority, status, service, created_at, updated_at""";

    private TicketRows() {}

    /** A whole ticket row. */
    static Ticket ticket(ResultSet row, int index) throws SQLException {
        return read(row, true);
    }

    /** A ticket with what its clocks are computed from ({@link #ENGINE_COLUMNS}), and no text of its request. */
    static Ticket forEngine(ResultSet row, int index) throws SQLException {
        return read(row, false);
    }

    private static Ticket read(ResultSet row, boolean whole) throws SQLException {
        return new Ticket(
                new TicketId(row.getObject("id", UUID.class)),
                new ClientId(row.getObject("client_id", UUID.class)),
                coverage(row),
                Priority.of(row.getString("priority")),
                TicketStatus.valueOf(row.getString("status")),
                whole ? row.getString("status_label") : null,
                whole
                        ? new Ticket.Request(
                                row.getString("service"),
                                row.getString("subject"),
                                row.getString("description"),
                                row.getString("requester"))
                        : new Ticket.Request(row.getString("service"), null, null, null),
                whole
                        ? new Ticket.Origin(row.getString("source"), row.getString("external_id"))
                        : new Ticket.Origin(null, null),
                whole
                        ? new Ticket.Assignment(
                                row.getObject("assignee_technician_id", UUID.class),
                                row.getObject("assignee_team_id", UUID.class))
                        : Ticket.Assignment.NOBODY,
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"));
    }

    private static Ticket.Coverage coverage(ResultSet row) throws SQLException {
        return new Ticket.Coverage(
                row.getObject("contract_id", UUID.class),
                row.getObject("tier_id", UUID.class),
                (Integer) row.getObject("policy_version"),
                row.getObject("calendar_id", UUID.class),
                row.getString("scope_reason"));
    }
}
