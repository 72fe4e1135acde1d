package org.medicore.lab.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads lab values from a report's text in either layout labs use: a table
 * ({@code Test | Result | Unit | Reference range | Flag}) or lines
 * ({@code Name: value unit (low-high)}). A line counts as a result when its test is in the
 * {@link LoincTable} or it carries both a unit and a reference range.
 */
public final class LabReportText {

    private static final String NAME = "(?<name>[A-Za-z][A-Za-z0-9 ,/()%.\\-]*?)";
    private static final String VALUE = "(?<value>[<>]?\\d+(?:\\.\\d+)?)";
    private static final String RANGE = "(?<range>[<>]\\s*\\d+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?\\s*-\\s*\\d+(?:\\.\\d+)?)";
    private static final String FLAG = "(?:\\s+(?<flag>[HL]))?";

    private static final Pattern TABLE_ROW = Pattern.compile(
            "^" + NAME + "\\s+" + VALUE + "\\s+(?<unit>\\S+)\\s+" + RANGE + FLAG + "\\s*$");
    private static final Pattern NAMED_LINE = Pattern.compile(
            "^" + NAME + "\\s*:\\s*" + VALUE + "(?:\\s+(?<unit>[^\\s()]+))?(?:\\s*\\(\\s*" + RANGE + "\\s*\\))?" + FLAG + "\\s*$");
    private static final Pattern COLLECTED = Pattern.compile(
            "(?i)(?:collected|sample date|specimen date|date of collection)\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern BOUNDS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)");

    private LabReportText() {
    }

    /** The values found, in report order, and the collection date when the report states one. */
    public record Reading(List<LabValue> values, Optional<LocalDate> collectedOn) {
    }

    public static Reading read(String text) {
        List<LabValue> values = new ArrayList<>();
        Optional<LocalDate> collectedOn = Optional.empty();
        for (String raw : text.split("\\R")) {
            String line = raw.strip().replaceAll("\\s+", " ");
            Matcher collected = COLLECTED.matcher(line);
            if (collectedOn.isEmpty() && collected.find()) {
                collectedOn = Optional.of(LocalDate.parse(collected.group(1)));
                continue;
            }
            valueOn(line, values.size() + 1).ifPresent(values::add);
        }
        return new Reading(List.copyOf(values), collectedOn);
    }

    private static Optional<LabValue> valueOn(String line, int position) {
        for (Pattern layout : List.of(NAMED_LINE, TABLE_ROW)) {
            Matcher m = layout.matcher(line);
            if (m.matches()) {
                return value(m, position);
            }
        }
        return Optional.empty();
    }

    private static Optional<LabValue> value(Matcher m, int position) {
        String name = m.group("name").strip();
        Optional<LoincCode> code = LoincTable.codeFor(name);
        String unit = m.group("unit") == null ? "" : m.group("unit");
        Optional<ReferenceRange> range = Optional.ofNullable(m.group("range")).map(LabReportText::range);
        if (code.isEmpty() && (unit.isEmpty() || range.isEmpty())) {
            return Optional.empty();
        }
        String value = m.group("value");
        Optional<Double> numeric = value.startsWith("<") || value.startsWith(">")
                ? Optional.empty() : Optional.of(Double.parseDouble(value));
        AbnormalFlag flag = CriticalLimits.apply(code, numeric, unit, flag(numeric, range, m.group("flag")));
        return Optional.of(new LabValue(position, name, code, value, numeric, unit, unit, range, flag));
    }

    /** Derived from the range where the value compares; the lab's printed flag otherwise. */
    private static AbnormalFlag flag(Optional<Double> numeric, Optional<ReferenceRange> range, String printed) {
        if (numeric.isPresent() && range.isPresent()) {
            return range.get().flag(numeric.get());
        }
        if ("H".equals(printed)) {
            return AbnormalFlag.HIGH;
        }
        if ("L".equals(printed)) {
            return AbnormalFlag.LOW;
        }
        return AbnormalFlag.UNSPECIFIED;
    }

    private static ReferenceRange range(String text) {
        String printed = text.strip();
        Matcher bounds = BOUNDS.matcher(printed);
        if (bounds.matches()) {
            return new ReferenceRange(Optional.of(Double.parseDouble(bounds.group(1))),
                    Optional.of(Double.parseDouble(bounds.group(2))), printed);
        }
        double limit = Double.parseDouble(printed.substring(1).strip());
        return printed.startsWith("<")
                ? new ReferenceRange(Optional.empty(), Optional.of(limit), printed)
                : new ReferenceRange(Optional.of(limit), Optional.empty(), printed);
    }
}
