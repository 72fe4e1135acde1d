package org.medicore.lab.domain;

import java.util.Optional;

/** The normal range printed next to a value; either bound may be open. */
public record ReferenceRange(Optional<Double> low, Optional<Double> high, String text) {

    public boolean hasBounds() {
        return low.isPresent() || high.isPresent();
    }

    public AbnormalFlag flag(double value) {
        if (low.isPresent() && value < low.get()) {
            return AbnormalFlag.LOW;
        }
        if (high.isPresent() && value > high.get()) {
            return AbnormalFlag.HIGH;
        }
        return AbnormalFlag.NORMAL;
    }

    /**
     * How a value stands against this range: a number against its bounds, a text result
     * ("Positive") against a qualitative range ("Negative"); UNSPECIFIED when they cannot be compared.
     */
    public AbnormalFlag flagOf(String value, Optional<Double> number) {
        if (number.isPresent() && hasBounds()) {
            return flag(number.get());
        }
        return number.isEmpty() && !hasBounds() ? ReferenceRanges.textFlag(value, this) : AbnormalFlag.UNSPECIFIED;
    }
}
