package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Violations;
import org.medicore.support.port.paging.Paging;

/** Which page of a list: a size as {@link Paging#size} says and the token of the previous page. */
public record PageRequest(int size, String token) {

    public PageRequest {
        token = token == null ? "" : token;
        Violations violations = new Violations();
        size = checkedSize(size, violations);
        violations.throwIfAny();
    }

    /** The size to use for {@code requested}, or a violation of {@code page.page_size}. */
    static int checkedSize(int requested, Violations violations) {
        if (!Paging.isAllowedSize(requested)) {
            violations.add(Paging.SIZE_FIELD, Paging.NEGATIVE_SIZE);
        }
        return Paging.size(requested);
    }
}
