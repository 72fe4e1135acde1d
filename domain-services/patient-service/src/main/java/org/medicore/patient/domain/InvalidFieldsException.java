package org.medicore.patient.domain;

import java.util.List;

/** Thrown while constructing a value or command from input that breaks its rules; lists every broken field. */
public final class InvalidFieldsException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidFieldsException(List<FieldViolation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
