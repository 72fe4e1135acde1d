package org.medicore.lab.application.port.in;

import java.util.List;

/** Why a request was not carried out. */
public sealed interface Refusal {

    record InvalidRequest(List<FieldViolation> violations) implements Refusal {

        public InvalidRequest {
            violations = List.copyOf(violations);
        }
    }

    record FieldViolation(String field, String description) {
    }

    record NotFound(String resourceType, String id) implements Refusal {
    }

    record Denied() implements Refusal {
    }

    /** The report changed since the caller read it (at {@code expected}); they should read it again. */
    record Stale(long expected) implements Refusal {
    }

    /** The report's state forbids it; {@code type} names the rule, e.g. OBJECT_MISSING. */
    record Precondition(String type, String description) implements Refusal {
    }
}
