package org.medicore.support.grpc;

import org.medicore.support.port.Unreachable;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means a store or service this one needs (PostgreSQL, DynamoDB, S3, Keycloak) cannot be
 * reached or did not answer in time right now, so the caller may retry later, rather than that the service itself
 * is broken.
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
            // A store too busy to answer in time is down for the caller: the AWS SDK's HTTP client waiting in
            // vain for a pooled connection (InterruptedIOException) or past its deadline (TimeoutException) was
            // what a registration met when DynamoDB Local fell behind in the fault suite's postgres-outage.
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof InterruptedIOException
                    || cause instanceof TimeoutException
                    || cause instanceof HttpTimeoutException
                    || cause instanceof Unreachable) {
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
