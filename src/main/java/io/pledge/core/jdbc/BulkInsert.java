package io.pledge.core.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows into one table, in the caller's transaction: with PostgreSQL's {@code COPY} in its
 * binary format when the database is PostgreSQL and the rows are many (several times faster than
 * batched inserts there), in JDBC batches otherwise. Row values are UUIDs, strings, numbers, booleans,
 * {@link Instant}s (stored to the microsecond), {@link OffsetDateTime}s or nulls.
 */
@Component
public class BulkInsert {

    /** Fewer rows than this go in a batch: a copy costs a round trip more to start. */
    static final int COPY_FROM = 100;

    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SQLExceptionTranslator translator;
    /** Each table's column types, by column; the schema does not change while Pledge runs. */
    private final Map<String, Map<String, String>> columnTypes = new ConcurrentHashMap<>();

    public BulkInsert(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /** Inserts {@code rows}, each holding one value per column, in column order. */
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns);
        if (rows.size() >= COPY_FROM) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                if (connection.isWrapperFor(PGConnection.class)) {
                    BinaryCopy copy = BinaryCopy.of(columns, columnTypes(connection, table));
                    if (copy != null) {
                        copy.write(
                                connection
                                        .unwrap(PGConnection.class)
                                        .getCopyAPI()
                                        .copyIn("copy " + table + " (" + names + ") from stdin with (format binary)"),
                                rows);
                        return;
                    }
                }
            } catch (SQLException e) {
                throw translator.translate("copy into " + table, null, e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
        String sql = "insert into " + table + " (" + names + ") values (" + "?, ".repeat(columns.size() - 1) + "?)";
        jdbc.batchUpdate(sql, rows, BATCH, (ps, row) -> {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, Timestamps.bindable(row[i]));
            }
        });
    }

    private Map<String, String> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, String> types = columnTypes.get(table);
        if (types != null) {
            return types;
        }
        types = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select column_name, udt_name from"
                + " information_schema.columns where table_schema = current_schema() and table_name = ?")) {
            query.setString(1, table);
            try (ResultSet columns = query.executeQuery()) {
                while (columns.next()) {
                    types.put(columns.getString(1), columns.getString(2));
                }
            }
        }
        columnTypes.put(table, Map.copyOf(types));
        return types;
    }
}
