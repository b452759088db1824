package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from {@code ticket_event} to {@code ticket}. Events are the largest table and
 * the one bulk writes fill: checking the key cost PostgreSQL as much time per event as storing the event,
 * and H2 a second index over every event. Tickets are never deleted, and events are written only with
 * their ticket, in its transaction (docs/adr/0021-ticket-events-without-foreign-key.md).
 *
 * <p>In Java because the key was declared without a name: each database named it its own way.
 */
public class V21__Ticket_events_without_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select constraint_name"
                + " from information_schema.table_constraints where constraint_type = 'FOREIGN KEY'"
                + " and lower(table_name) = 'ticket_event' and table_schema = current_schema")) {
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    keys.add(found.getString(1));
                }
            }
        }
        if (keys.size() != 1) {
            throw new IllegalStateException("expected one foreign key on ticket_event, found " + keys);
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute(
                    "alter table ticket_event drop constraint \"" + keys.get(0).replace("\"", "\"\"") + "\"");
        }
    }
}
