package org.medicore.analytics.domain;

import java.util.Objects;

/** One value of a dimension, e.g. practitioner 4f1c...; written as {@code PRACTITIONER/4f1c...}. */
public record DimensionKey(Dimension dimension, String value) {

    private static final String SEPARATOR = "/";

    public DimensionKey {
        Objects.requireNonNull(dimension, "dimension");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a dimension key needs a value");
        }
    }

    /** Reads {@link #asText()}; the value may itself contain the separator (a department name). */
    public static DimensionKey parse(String text) {
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a dimension key: " + text);
        }
        return new DimensionKey(Dimension.valueOf(text.substring(0, separator)), text.substring(separator + 1));
    }

    public String asText() {
        return dimension + SEPARATOR + value;
    }
}
