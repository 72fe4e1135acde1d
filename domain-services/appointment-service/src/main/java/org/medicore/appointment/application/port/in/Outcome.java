package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.Refusal;

/** The result of a use case: the value, or why not. The inbound adapter translates each case once. */
public sealed interface Outcome<T> {

    record Success<T>(T value) implements Outcome<T> {
    }

    /** The current state forbids it. */
    record Rejected<T>(Refusal refusal) implements Outcome<T> {
    }

    record NotFound<T>(String resource, String id) implements Outcome<T> {
    }

    record Denied<T>(String reason) implements Outcome<T> {
    }

    /** The caller's expected version is not the current one. */
    record Stale<T>(long currentVersion) implements Outcome<T> {
    }

    /** The request itself is unacceptable; {@code field} as named in the API. */
    record Invalid<T>(String field, String description) implements Outcome<T> {
    }

    /** The thing to create exists already. */
    record AlreadyExists<T>(String resource, String existingId) implements Outcome<T> {
    }
}
