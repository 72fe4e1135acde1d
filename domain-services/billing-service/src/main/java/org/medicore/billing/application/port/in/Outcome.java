package org.medicore.billing.application.port.in;

import org.medicore.billing.domain.FieldViolation;
import org.medicore.billing.domain.Refusal;

import java.util.List;

/** What a use case answers a caller: the result, or why not. Adapters translate each case once. */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    record NotFound<T>(String resourceType, String id) implements Outcome<T> {
    }

    record Denied<T>() implements Outcome<T> {
    }

    record Invalid<T>(List<FieldViolation> violations) implements Outcome<T> {
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
    }

    record Stale<T>(long currentVersion) implements Outcome<T> {
    }
}
