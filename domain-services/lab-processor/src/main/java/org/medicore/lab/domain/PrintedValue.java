package org.medicore.lab.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a result cell holds once read: the value as printed, its number (decimal comma or point),
 * a flag printed with it ("10.9 L", "10.9*", "H 452") and what is left, which is the unit when the
 * table has no unit column. Text results ("Negative", "Trace", "2+") stay text.
 */
public record PrintedValue(String value, Optional<Double> number, Optional<String> flag, String rest) {

    private static final Pattern NUMBER = Pattern.compile("^(?<cmp>[<>≤≥]=?)?(?<num>\\d+(?:[.,]\\d+)?)(?<flag>\\*{1,2}|!|[HL]{1,2})?$");
    private static final Pattern AMBIGUOUS_COMMA = Pattern.compile("^\\d{1,3},\\d{3}$");
    private static final Set<String> FLAGS = Set.of("h", "l", "hh", "ll", "a", "*", "**", "!", "high", "low",
            "abnormal", "abn", "n", "normal", "(h)", "(l)", "crit", "critical");
    private static final Set<String> TEXT_RESULTS = Set.of("negative", "positive", "trace", "neg", "pos",
            "not detected", "detected", "reactive", "non reactive", "nonreactive", "present", "absent", "none seen",
            "1+", "2+", "3+", "4+", "small", "moderate", "large");

    /** Why a cell that holds something could not be read as a value. */
    public record Unreadable(String reason) {
    }

    /** The value in {@code cell}, or why there is none that can be trusted. */
    public static Result read(String cell) {
        List<String> tokens = new ArrayList<>(List.of(cell.strip().split("\\s+")));
        tokens.removeIf(String::isEmpty);
        Optional<String> flag = Optional.empty();
        String value = null;
        Optional<Double> number = Optional.empty();
        List<String> rest = new ArrayList<>();
        for (String token : tokens) {
            Matcher m = NUMBER.matcher(token);
            if (value == null && m.matches()) {
                String digits = m.group("num");
                if (AMBIGUOUS_COMMA.matcher(digits).matches()) {
                    return new Result(Optional.empty(), Optional.of(new Unreadable(
                            "the value " + digits + " could be read as " + digits.replace(",", "") + " or "
                                    + digits.replace(',', '.'))));
                }
                value = token.substring(0, token.length() - (m.group("flag") == null ? 0 : m.group("flag").length()));
                if (m.group("cmp") == null) {
                    number = Optional.of(Double.parseDouble(digits.replace(',', '.')));
                }
                if (m.group("flag") != null) {
                    flag = Optional.of(m.group("flag"));
                }
            } else if (isFlag(token) && flag.isEmpty()) {
                flag = Optional.of(token.replace("(", "").replace(")", ""));
            } else {
                rest.add(token);
            }
        }
        if (value == null) {
            String text = String.join(" ", rest);
            if (TEXT_RESULTS.contains(Terminology.normalised(text))
                    || TEXT_RESULTS.contains(text.toLowerCase(Locale.ROOT))) {
                return new Result(Optional.of(new PrintedValue(text, Optional.empty(), flag, "")), Optional.empty());
            }
            return new Result(Optional.empty(), Optional.empty());
        }
        return new Result(Optional.of(new PrintedValue(value, number, flag, String.join(" ", rest))), Optional.empty());
    }

    /** A value, or nothing with (when the cell held something unreadable) the reason. */
    public record Result(Optional<PrintedValue> value, Optional<Unreadable> unreadable) {
    }

    public static boolean isFlag(String token) {
        return FLAGS.contains(token.toLowerCase(Locale.ROOT));
    }

    /** What the printed flag says: HIGH, LOW, ABNORMAL (no direction) or NORMAL; empty when it says nothing known. */
    public static Optional<AbnormalFlag> meaning(String printed) {
        return switch (printed.toLowerCase(Locale.ROOT).replace("(", "").replace(")", "")) {
            case "h", "hh", "high" -> Optional.of(AbnormalFlag.HIGH);
            case "l", "ll", "low" -> Optional.of(AbnormalFlag.LOW);
            case "a", "*", "**", "!", "abnormal", "abn", "crit", "critical" -> Optional.of(AbnormalFlag.ABNORMAL);
            case "n", "normal" -> Optional.of(AbnormalFlag.NORMAL);
            default -> Optional.empty();
        };
    }
}
