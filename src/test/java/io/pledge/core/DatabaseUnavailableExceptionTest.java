package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean the database is out of reach (503), and which do not (a defect or a conflict). */
class DatabaseUnavailableExceptionTest {

    static Stream<Arguments> failures() {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException(
                "PreparedStatementCallback",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        return Stream.of(
                Arguments.of(
                        "the pool's wait ran out",
                        new CannotCreateTransactionException(
                                "Could not open JDBC Connection for transaction",
                                new SQLTransientConnectionException(
                                        "HikariPool-1 - Connection is not available, request timed out after 2000ms"))),
                Arguments.of(
                        "connection lost mid-statement",
                        new DataAccessResourceFailureException(
                                "PreparedStatementCallback", new SQLException("I/O error", "08006"))),
                Arguments.of("the work failed, then its rollback", rollbackFailed),
                Arguments.of(
                        "the rollback on a closed connection",
                        new TransactionSystemException(
                                "JDBC rollback failed", new SQLException("This connection has been closed.", "08003"))),
                Arguments.of(
                        "PostgreSQL shutting down",
                        new RuntimeException(
                                new SQLException("terminating connection due to administrator command", "57P01"))),
                Arguments.of(
                        "PostgreSQL starting",
                        new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void anOutage(String name, Throwable failure) {
        assertThat(DatabaseUnavailableException.isOutage(failure)).isTrue();
        assertThat(DatabaseUnavailableException.isOutage(new DatabaseUnavailableException(failure)))
                .isTrue();
    }

    static Stream<Arguments> notOutages() {
        return Stream.of(
                Arguments.of(
                        "a duplicate key", new DuplicateKeyException("duplicate", new SQLException("dup", "23505"))),
                Arguments.of("a constraint", new DataIntegrityViolationException("fk")),
                Arguments.of("bad SQL", new BadSqlGrammarException("q", "select", new SQLException("syntax", "42601"))),
                Arguments.of(
                        "a rollback failing for another reason",
                        new TransactionSystemException("JDBC rollback failed", new SQLException("odd", "XX000"))),
                Arguments.of("a defect", new IllegalStateException("bug")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOutages")
    void notAnOutage(String name, Throwable failure) {
        assertThat(DatabaseUnavailableException.isOutage(failure)).isFalse();
    }
}
