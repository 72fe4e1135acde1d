package org.medicore.lab.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The normal range printed next to a value; either bound may be open. */
public record ReferenceRange(Optional<Double> low, Optional<Double> high, String text) {

    private static final String NUMBER = "(-?\\d+(?:[.,]\\d+)?)";
    private static final Pattern BOUNDS = Pattern.compile(NUMBER + "\\s*[-–]\\s*" + NUMBER);
    private static final Pattern ONE_SIDED = Pattern.compile("(<=?|>=?|≤|≥)\\s*" + NUMBER);

    /**
     * A range as a person writes it ("12.0 - 15.5", "12,0–15,5", "<150", ">= 40"), or one without
     * bounds ("negative"), kept as text; empty for an empty text.
     */
    public static Optional<ReferenceRange> parse(String printed) {
        String text = printed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher bounds = BOUNDS.matcher(text);
        if (bounds.matches()) {
            return Optional.of(new ReferenceRange(Optional.of(number(bounds.group(1))), Optional.of(number(bounds.group(2))),
                    text));
        }
        Matcher oneSided = ONE_SIDED.matcher(text);
        if (oneSided.matches()) {
            double limit = number(oneSided.group(2));
            boolean below = oneSided.group(1).startsWith("<") || oneSided.group(1).equals("≤");
            return Optional.of(below ? new ReferenceRange(Optional.empty(), Optional.of(limit), text)
                    : new ReferenceRange(Optional.of(limit), Optional.empty(), text));
        }
        return Optional.of(new ReferenceRange(Optional.empty(), Optional.empty(), text));
    }

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

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
