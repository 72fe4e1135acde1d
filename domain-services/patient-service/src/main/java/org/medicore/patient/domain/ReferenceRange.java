package org.medicore.patient.domain;

import java.util.Optional;

/** The normal range printed next to a lab value; either bound may be open. */
public record ReferenceRange(Optional<Double> low, Optional<Double> high, String text) {

    public ReferenceRange {
        low = low == null ? Optional.empty() : low;
        high = high == null ? Optional.empty() : high;
        text = text == null ? "" : text.strip();
    }

    void check(String path, Violations violations) {
        violations.required(path + ".text", text).maxLength(path + ".text", text, 200);
        if (low.isPresent() && high.isPresent() && low.get() > high.get()) {
            violations.add(path + ".low", "must not be above high");
        }
    }
}
