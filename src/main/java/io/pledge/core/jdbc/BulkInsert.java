package io.pledge.core.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows into one table, in the caller's transaction: with PostgreSQL's {@code COPY} when the
 * database is PostgreSQL and the rows are many (several times faster than batched inserts there), in
 * JDBC batches otherwise. Row values are UUIDs, strings, numbers, booleans, {@link OffsetDateTime}s or
 * nulls.
 */
@Component
public class BulkInsert {

    /** Fewer rows than this go in a batch: a copy costs a round trip more to start. */
    static final int COPY_FROM = 100;

    private static final int BATCH = 1000;
    private static final int COPY_CHUNK = 1 << 20;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SQLExceptionTranslator translator;

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
                    copy(connection.unwrap(PGConnection.class), "copy " + table + " (" + names + ") from stdin", rows);
                    return;
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
                ps.setObject(i + 1, row[i]);
            }
        });
    }

    private static void copy(PGConnection connection, String sql, List<Object[]> rows) throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn(sql);
        try {
            StringBuilder text = new StringBuilder(COPY_CHUNK + 4096);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    appendValue(text, row[i]);
                }
                text.append('\n');
                if (text.length() >= COPY_CHUNK) {
                    write(copy, text);
                }
            }
            write(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** A value in COPY's text format: {@code \N} for null, backslash escapes for the separators. */
    static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof OffsetDateTime instant) {
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(instant, text);
        } else if (value instanceof String string) {
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        } else {
            text.append(value);
        }
    }
}
