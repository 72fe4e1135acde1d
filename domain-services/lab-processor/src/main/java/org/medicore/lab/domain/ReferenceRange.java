package org.medicore.lab.domain;

import java.util.Optional;

/** The normal range printed next to a value; either bound may be open. */
public record ReferenceRange(Optional<Double> low, Optional<Double> high, String text) {

    public AbnormalFlag flag(double value) {
        if (low.isPresent() && value < low.get()) {
            return AbnormalFlag.LOW;
        }
        if (high.isPresent() && value > high.get()) {
            return AbnormalFlag.HIGH;
        }
        return AbnormalFlag.NORMAL;
    }
}
