package org.medicore.bff.error;

import java.util.List;

/** Arguments the BFF itself refuses (before calling a service), each named as in the schema. */
public final class InvalidArgument extends RuntimeException {

    public record Violation(String field, String description) {
    }

    private final List<Violation> violations;

    public InvalidArgument(String field, String description) {
        this(List.of(new Violation(field, description)));
    }

    public InvalidArgument(List<Violation> violations) {
        super(violations.getFirst().field() + " " + violations.getFirst().description());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
