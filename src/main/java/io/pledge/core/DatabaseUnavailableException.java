package io.pledge.core;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database could not be reached: nothing of the request was stored, and the same request may be sent
 * again later (answered 503 with {@code Retry-After}). {@link #isOutage} tells such a failure apart from
 * one caused by the request or by a defect.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("the database cannot be reached", cause);
    }

    /**
     * Whether {@code failure} comes from the database being out of reach: no connection to be had (the
     * pool's wait ran out, the connection was refused), or the connection lost during the work, which
     * then could not even roll back (SQLState class 08, PostgreSQL's 57P01–57P03 for a server shutting
     * down or starting).
     */
    public static boolean isOutage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && isOutage(rollback.getApplicationException())) {
                return true; // the work failed for lack of a connection, then its rollback too
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
