package org.medicore.support.port;

import java.util.List;
import java.util.Objects;

/**
 * Why a use case did not do what it was asked, in the kinds every service shares; each kind is one
 * gRPC status ({@code GrpcErrors.refused}), so a caller reads the same refusal the same way from
 * every service. Descriptions are in the clinic's words and never echo unbounded input.
 */
public sealed interface Refusal {

    /** The request itself is unacceptable; each violation names its field as the API spells it. */
    record Invalid(List<FieldViolation> violations) implements Refusal {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid request names at least one field");
            }
        }

        public static Invalid of(String field, String description) {
            return new Invalid(List.of(new FieldViolation(field, description)));
        }
    }

    /**
     * Nothing of {@code resourceType} has that id: a name as a person says it ("invoice") or a message
     * name of the contracts ("medicore.patient.v1.Patient"), which the status's message says in words.
     */
    record NotFound(String resourceType, String id) implements Refusal {
        public NotFound {
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(id, "id");
        }
    }

    /** The caller may not do this; {@code reason} is safe to tell them. */
    record Denied(String reason) implements Refusal {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The thing changed since the caller read it; it is now at {@code currentVersion}. */
    record Stale(long currentVersion) implements Refusal {
    }

    /**
     * The current state forbids it: {@code rule} is the precondition type the contract lists
     * (SLOT_TAKEN, INVOICE_PAID), {@code subject} what it is about (may be empty).
     */
    record Forbidden(String rule, String subject, String description) implements Refusal {
        public Forbidden {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * Another change came first, and the contract names that by a rule ({@code VERSION_MISMATCH})
     * rather than by the current version ({@link Stale}): unlike {@link Forbidden}, reading the thing
     * again and retrying may succeed.
     */
    record Conflict(String rule, String subject, String description) implements Refusal {
        public Conflict {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(description, "description");
        }
    }

    /** What was to be created exists already, as {@code existingId}. */
    record AlreadyExists(String resourceType, String existingId, String description) implements Refusal {
        public AlreadyExists {
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(existingId, "existingId");
            Objects.requireNonNull(description, "description");
        }
    }
}
