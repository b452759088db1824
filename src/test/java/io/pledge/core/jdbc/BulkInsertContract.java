package io.pledge.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.DatabaseIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk writes store every value as given, in each column type Pledge bulk-writes: in batches below
 * {@link BulkInsert#COPY_FROM} rows and on H2, with binary {@code COPY} from there on PostgreSQL. Run on
 * H2 and PostgreSQL.
 */
public abstract class BulkInsertContract extends DatabaseIntegrationTest {

    private static final List<String> COLUMNS = List.of("id", "big", "small", "flag", "at", "short_text", "long_text");

    /** Instants around PostgreSQL's epoch (2000-01-01) and the Unix one, to the microsecond. */
    private static final List<OffsetDateTime> INSTANTS = List.of(
            OffsetDateTime.parse("1969-12-31T23:59:59.999999Z"),
            OffsetDateTime.parse("1999-12-31T23:59:59.000001Z"),
            OffsetDateTime.parse("2000-01-01T00:00:00Z"),
            OffsetDateTime.parse("2026-03-29T01:59:59.123456Z"),
            OffsetDateTime.parse("2199-12-31T23:59:59.999999Z"));

    private static final List<String> TEXTS = List.of(
            "tab\there",
            "line\nbreak",
            "back\\slash \\N \\.",
            "",
            "accents é ü ñ, CJK 漢字, emoji 😀",
            "x".repeat(5_000));

    @Autowired
    BulkInsert bulk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private String table;

    @BeforeEach
    void createTable() {
        table = "bulk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("create table " + table + " (id uuid primary key, big bigint not null, small integer,"
                        + " flag boolean, at timestamp with time zone, short_text varchar(200), long_text text)")
                .update();
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("drop table " + table).update();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, BulkInsert.COPY_FROM, 2_500})
    void storesEveryValueAsGiven(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {
                UUID.randomUUID(),
                i % 2 == 0 ? (Object) (Long.MAX_VALUE - i) : (Object) (-i),
                i % 7 == 6 ? null : (i % 2 == 0 ? (Object) (Integer.MIN_VALUE + i) : (Object) (long) i),
                i % 5 == 4 ? null : i % 3 == 0,
                i % 11 == 10 ? null : instant(i),
                i % 13 == 12 ? null : TEXTS.get(i % (TEXTS.size() - 1)) + " #" + i,
                i % 17 == 16 ? null : TEXTS.get(i % TEXTS.size())
            });
        }

        transactions.executeWithoutResult(status -> bulk.insert(table, COLUMNS, rows));

        List<Object[]> stored = jdbc.sql("select " + String.join(", ", COLUMNS) + " from " + table)
                .query((row, number) -> new Object[] {
                    row.getObject("id", UUID.class),
                    row.getLong("big"),
                    row.getObject("small", Integer.class),
                    row.getObject("flag", Boolean.class),
                    row.getObject("at", OffsetDateTime.class),
                    row.getString("short_text"),
                    row.getString("long_text")
                })
                .list();
        assertThat(stored.stream().map(BulkInsertContract::normalized).toList())
                .containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(BulkInsertContract::normalized).toList());
    }

    /** An instant, as an OffsetDateTime or, one row in two, as an Instant with nanoseconds to drop. */
    private static Object instant(int row) {
        OffsetDateTime instant = INSTANTS.get(row % INSTANTS.size());
        return row % 2 == 0 ? instant : instant.toInstant().plusNanos(999);
    }

    /** A row as comparable text: numbers as longs, instants in UTC to the microsecond. */
    private static List<String> normalized(Object[] row) {
        return Arrays.stream(row)
                .map(value -> value instanceof Number number
                        ? Long.toString(number.longValue())
                        : value instanceof OffsetDateTime time
                                ? time.withOffsetSameInstant(ZoneOffset.UTC).toString()
                                : value instanceof Instant instant
                                        ? instant.truncatedTo(ChronoUnit.MICROS)
                                                .atOffset(ZoneOffset.UTC)
                                                .toString()
                                        : String.valueOf(value))
                .toList();
    }
}
