package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Violations;

/** Which page of a list: a size (0 = default, capped at the maximum) and the token of the previous page. */
public record PageRequest(int size, String token) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        token = token == null ? "" : token;
        Violations violations = new Violations();
        size = checkedSize(size, violations);
        violations.throwIfAny();
    }

    /** The size to use for {@code requested}, or a violation of {@code page.page_size}. */
    static int checkedSize(int requested, Violations violations) {
        if (requested < 0) {
            violations.add("page.page_size", "must not be negative");
        }
        return requested <= 0 ? DEFAULT_SIZE : Math.min(requested, MAX_SIZE);
    }
}
