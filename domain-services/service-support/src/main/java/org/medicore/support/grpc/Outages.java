package org.medicore.support.grpc;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a failure means a store the service needs (PostgreSQL, DynamoDB, S3) cannot be reached
 * right now, so the caller may retry later, rather than that the service itself is broken.
 */
public final class Outages {

    /**
     * PostgreSQL's SQLSTATE classes for a lost or refused connection: 08 (connection exception),
     * 57P01-57P03 (the server shuts down or does not accept connections yet).
     */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
