package org.medicore.support.port;

import java.util.Objects;

/** One field a caller has to change, by its path in the request ({@code contact.phone}, {@code fees[0].fee}). */
public record FieldViolation(String field, String description) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(description, "description");
    }
}
