package org.medicore.lab.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reference ranges as labs print them: "12.0 - 15.5", "12.0–15.5", "12,0 - 15,5", "<150",
 * "< 200", ">= 40", "≥40", "up to 5", and qualitative ones ("neg", "Negative", "not detected").
 */
public final class ReferenceRanges {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern BETWEEN = Pattern.compile("^" + NUMBER + "\\s*(?:-|to)\\s*" + NUMBER + "$");
    private static final Pattern BELOW = Pattern.compile("^(?:<=?|less than|up to)\\s*" + NUMBER + "$");
    private static final Pattern ABOVE = Pattern.compile("^(?:>=?|greater than|more than)\\s*" + NUMBER + "$");
    private static final Set<String> NEGATIVE = Set.of("neg", "negative", "not detected", "non reactive", "nonreactive",
            "absent", "none seen", "none", "normal");
    private static final Set<String> POSITIVE = Set.of("pos", "positive", "detected", "reactive", "present", "trace",
            "1", "2", "3", "4", "small", "moderate", "large");

    private ReferenceRanges() {
    }

    public static Optional<ReferenceRange> parse(String printed) {
        String text = printed.strip();
        if (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        String plain = text.replace('–', '-').replace('—', '-').replace("≤", "<=").replace("≥", ">=")
                .replaceAll("(\\d),(\\d)", "$1.$2").toLowerCase(Locale.ROOT);
        Matcher between = BETWEEN.matcher(plain);
        if (between.matches()) {
            return Optional.of(new ReferenceRange(Optional.of(Double.parseDouble(between.group(1))),
                    Optional.of(Double.parseDouble(between.group(2))), text));
        }
        Matcher below = BELOW.matcher(plain);
        if (below.matches()) {
            return Optional.of(new ReferenceRange(Optional.empty(), Optional.of(Double.parseDouble(below.group(1))), text));
        }
        Matcher above = ABOVE.matcher(plain);
        if (above.matches()) {
            return Optional.of(new ReferenceRange(Optional.of(Double.parseDouble(above.group(1))), Optional.empty(), text));
        }
        if (NEGATIVE.contains(Terminology.normalised(plain))) {
            return Optional.of(new ReferenceRange(Optional.empty(), Optional.empty(), text));
        }
        return Optional.empty();
    }

    /** Whether {@code text} reads as a range, anywhere in a line: "12.0 - 15.5", "<150", ">= 40". */
    public static boolean looksLikeRange(String text) {
        String plain = text.replace('–', '-').replace('—', '-').replaceAll("(\\d),(\\d)", "$1.$2");
        return plain.matches(".*(?<![\\d.-])\\d+(?:\\.\\d+)?\\s*-\\s*\\d+(?:\\.\\d+)?(?![\\d.-]).*")
                || plain.matches(".*(?:[<>≤≥]=?)\\s*\\d.*");
    }

    /** The flag of a text result against a qualitative range: NORMAL when both say negative, ABNORMAL when the result is positive. */
    public static AbnormalFlag textFlag(String value, ReferenceRange range) {
        String expected = Terminology.normalised(range.text());
        String result = Terminology.normalised(value);
        if (!NEGATIVE.contains(expected)) {
            return AbnormalFlag.UNSPECIFIED;
        }
        if (NEGATIVE.contains(result)) {
            return AbnormalFlag.NORMAL;
        }
        return POSITIVE.contains(result) ? AbnormalFlag.ABNORMAL : AbnormalFlag.UNSPECIFIED;
    }
}
