package io.pledge.core.jdbc;

import io.pledge.core.Scope;
import java.util.Map;

/**
 * How a query of client-owned rows keeps to a {@link Scope}: a condition on the rows' client column,
 * and its parameter. Everything adds nothing; a client's scope adds {@code and <column> = :scopeClient}.
 */
public final class ScopeSql {

    private ScopeSql() {}

    /** The condition to append to a {@code where} clause, for rows whose client is in {@code column}. */
    public static String condition(Scope scope, String column) {
        return scope.isClient() ? " and " + column + " = :scopeClient" : "";
    }

    /** The parameter the condition binds. */
    public static Map<String, Object> parameters(Scope scope) {
        return scope.client()
                .<Map<String, Object>>map(client -> Map.of("scopeClient", client))
                .orElse(Map.of());
    }
}
