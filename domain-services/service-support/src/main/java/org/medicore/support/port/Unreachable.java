package org.medicore.support.port;

/**
 * A service this one needs (Keycloak, another MediCore service over HTTP) did not answer, or answered that it cannot
 * serve right now (HTTP 5xx or 429): the caller may retry later. Refusals of the request itself (4xx) are not this,
 * since retrying them never helps. {@code Outages} counts it as an outage, so an endpoint answers UNAVAILABLE.
 */
public final class Unreachable extends RuntimeException {

    public Unreachable(String message) {
        super(message);
    }

    public Unreachable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether an HTTP status says the server cannot serve now rather than that the request was wrong. */
    public static boolean meansUnreachable(int httpStatus) {
        return httpStatus >= 500 || httpStatus == 429;
    }
}
