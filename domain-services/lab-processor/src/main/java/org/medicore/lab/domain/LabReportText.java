package org.medicore.lab.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report's values, the patient identity it prints and what a clinician must look at.
 * Tables are read by their header ({@link ResultColumns}: columns found by meaning and position,
 * panels side by side, headers repeated per page, names over two lines); other lines as
 * {@code Name: value unit (low-high)} or {@code Name value unit range flag}. Nothing that looks like
 * a result is dropped silently: a line that does but could not be read becomes an UNREAD_LINE
 * finding, a printed flag the range contradicts a FLAG_DISAGREES finding, and a value past a
 * panic limit a CRITICAL_VALUE finding.
 */
public final class LabReportText {

    private static final Pattern COLLECTED = Pattern.compile(
            "(?i)(?:collected|sample date|specimen date|date of collection|collection date)\\s*:?\\s*"
                    + "(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{4})");
    private static final Pattern NAME = Pattern.compile(
            "(?i)\\b(?:patient name|patient(?!\\s*(?:id|no|number|#))|name)\\s*:\\s*(\\p{L}[\\p{L}'., -]*?\\p{L}\\.?)(?=\\s{2}|$)");
    private static final Pattern BIRTH = Pattern.compile(
            "(?i)\\b(?:dob|d\\.o\\.b\\.?|date of birth|birth date|born)\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{4})");
    private static final Pattern NUMBER = Pattern.compile(
            "(?i)\\b(?:mrn|medical record (?:number|no\\.?)|patient id|patient number|patient no\\.?|pid)\\s*[:#]?\\s*([A-Za-z0-9][A-Za-z0-9-]*)");
    private static final Pattern METADATA = Pattern.compile(
            "(?i)^(?:patient(?: name| id| number| no\\.?)?|name|dob|d\\.o\\.b\\.?|date of birth|birth date|born|mrn|"
                    + "collected|sample date|specimen date|date of collection|collection date|received|reported|"
                    + "report date|physician|ordered by|requested by|sex|gender|address)\\s*:.*"
                    + "|(?i).*\\b(?:dob|date of birth|mrn)\\s*:.*");
    private static final Pattern DATE_OR_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{1,2}:\\d{2}(?::\\d{2})?");
    private static final Pattern LINE_RANGE = Pattern.compile(
            "(?:(?:<=?|>=?|≤|≥)\\s*\\d+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?\\s*[-–]\\s*\\d+(?:[.,]\\d+)?)");
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern NAME_WITH_UNIT = Pattern.compile("^(.*?)\\s*\\(([^)]+)\\)\\s*$");
    private static final Pattern UNIT_LIKE = Pattern.compile("(?i)^(?:%|[a-zµ*^0-9\\[\\]{}.]*[a-zµ\\]}]/[a-z0-9.\\[\\]{}²()_]+|[a-z]+/[a-z]+)$");

    private LabReportText() {
    }

    /** The values found in report order, the collection date and identity printed, and the findings. */
    public record Reading(List<LabValue> values, Optional<LocalDate> collectedOn, PrintedIdentity identity,
                          List<ReviewFinding> findings) {

        public Reading {
            values = List.copyOf(values);
            findings = List.copyOf(findings);
        }
    }

    public static Reading read(String text) {
        return read(PrintedReport.ofText(text));
    }

    public static Reading read(PrintedReport report) {
        return new Reader().read(report);
    }

    /** A value being read; its name may still grow by a second line. */
    private static final class Draft {
        String name;
        final String line;
        final PrintedValue value;
        final String unit;
        final Optional<ReferenceRange> range;
        final Optional<String> printedFlag;
        final int lineIndex;

        Draft(String name, String line, PrintedValue value, String unit, Optional<ReferenceRange> range,
              Optional<String> printedFlag, int lineIndex) {
            this.name = name;
            this.line = line;
            this.value = value;
            this.unit = unit;
            this.range = range;
            this.printedFlag = printedFlag;
            this.lineIndex = lineIndex;
        }
    }

    private static final class Reader {
        private final List<Draft> drafts = new ArrayList<>();
        private final List<ReviewFinding> findings = new ArrayList<>();
        private final Map<Integer, String> pendingName = new HashMap<>();
        private final Map<Integer, Draft> lastDraft = new HashMap<>();
        private ResultColumns columns;
        private int lineIndex;

        Reading read(PrintedReport report) {
            List<PrintedLine> lines = report.lines();
            int page = lines.isEmpty() ? 0 : lines.getFirst().page();
            for (lineIndex = 0; lineIndex < lines.size(); lineIndex++) {
                PrintedLine line = lines.get(lineIndex);
                if (line.page() != page) {
                    page = line.page();
                    flushPending();
                }
                Optional<ResultColumns> header = ResultColumns.header(line);
                if (header.isPresent()) {
                    flushPending();
                    columns = header.get();
                    continue;
                }
                if (METADATA.matcher(line.spacedText()).matches()) {
                    continue;
                }
                if (columns == null) {
                    readLine(line);
                } else {
                    for (int panel = 0; panel < columns.panels().size(); panel++) {
                        readRow(line, panel);
                    }
                }
            }
            flushPending();
            return reading(report);
        }

        private void readRow(PrintedLine line, int panelIndex) {
            ResultColumns.Panel panel = columns.panels().get(panelIndex);
            Map<ResultColumns.Column, String> cells = columns.cellsOf(line, panel);
            if (cells.isEmpty()) {
                return;
            }
            String rowText = String.join(" ", cells.values());
            String name = cell(cells, panel, ResultColumns.Meaning.TEST);
            String valueCell = cell(cells, panel, ResultColumns.Meaning.RESULT);
            String flagCell = cell(cells, panel, ResultColumns.Meaning.FLAG);
            String unitCell = cell(cells, panel, ResultColumns.Meaning.UNIT);
            String rangeCell = cell(cells, panel, ResultColumns.Meaning.RANGE);
            if (valueCell.isEmpty() && flagCell.isEmpty() && unitCell.isEmpty() && rangeCell.isEmpty()) {
                nameOnly(name, panelIndex, rowText);
                return;
            }
            String nameUnit = "";
            Matcher withUnit = NAME_WITH_UNIT.matcher(name);
            if (withUnit.matches()) {
                name = withUnit.group(1);
                nameUnit = withUnit.group(2).strip();
            }
            String pending = pendingName.remove(panelIndex);
            if (pending != null) {
                if (name.isEmpty()) {
                    name = pending;
                } else if (Terminology.isAnalyte(name) || (!Terminology.isAnalyte(pending + " " + name)
                        && Terminology.isAnalyte(pending))) {
                    unreadName(pending);
                } else if (!Terminology.isAnalyte(name)) {
                    name = pending + " " + name;
                }
            }
            PrintedValue.Result result = PrintedValue.read(valueCell);
            if (result.value().isEmpty() || name.isEmpty()) {
                String why = result.unreadable().map(PrintedValue.Unreadable::reason)
                        .orElse(name.isEmpty() ? "no test name was found for the value" : "no value could be read in the result column");
                if (!name.isEmpty() || looksLikeResult(rowText)) {
                    findings.add(new ReviewFinding(ReviewFinding.Kind.UNREAD_LINE, rowText, why));
                }
                return;
            }
            PrintedValue value = result.value().get();
            String unit = firstNonEmpty(unitCell, value.rest(), nameUnit,
                    panel.column(ResultColumns.Meaning.RESULT).map(ResultColumns.Column::headerUnit).orElse(""),
                    panel.column(ResultColumns.Meaning.UNIT).map(ResultColumns.Column::headerUnit).orElse(""));
            Optional<String> printedFlag = flagCell.isEmpty() ? value.flag() : Optional.of(flagCell);
            Optional<ReferenceRange> range = rangeCell.isEmpty() ? Optional.empty() : Optional.of(
                    ReferenceRanges.parse(rangeCell).orElse(new ReferenceRange(Optional.empty(), Optional.empty(), rangeCell)));
            Draft draft = new Draft(name, rowText, value, unit, range, printedFlag, lineIndex);
            drafts.add(draft);
            lastDraft.put(panelIndex, draft);
        }

        /** A line with a test name alone: the rest of the name above it, or the start of the name below. */
        private void nameOnly(String name, int panelIndex, String rowText) {
            if (name.isEmpty()) {
                return;
            }
            Draft last = lastDraft.get(panelIndex);
            if (last != null && last.lineIndex == lineIndex - 1 && pendingName.get(panelIndex) == null
                    && (Terminology.isAnalyte(last.name + " " + name) || Character.isLowerCase(name.charAt(0)))) {
                last.name = last.name + " " + name;
                return;
            }
            String previous = pendingName.put(panelIndex, name);
            if (previous != null) {
                unreadName(previous);
            }
            if (looksLikeResult(rowText) && !Terminology.isAnalyte(name)) {
                pendingName.remove(panelIndex);
                findings.add(new ReviewFinding(ReviewFinding.Kind.UNREAD_LINE, rowText, "no value could be read in the result column"));
            }
        }

        private void unreadName(String name) {
            if (Terminology.isAnalyte(name)) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.UNREAD_LINE, name, "a test name with no value next to it"));
            }
        }

        private void flushPending() {
            pendingName.values().forEach(this::unreadName);
            pendingName.clear();
            lastDraft.clear();
        }

        /** A line outside any table: "Name: value unit (range) flag" or "Name value unit range flag". */
        private void readLine(PrintedLine line) {
            String text = line.text().strip();
            Optional<Draft> draft = lineValue(text);
            if (draft.isPresent()) {
                drafts.add(draft.get());
            } else if (looksLikeResult(text)) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.UNREAD_LINE, text,
                        "the line looks like a result but no value could be read from it"));
            }
        }

        private Optional<Draft> lineValue(String text) {
            String name;
            String rest;
            int colon = text.indexOf(':');
            if (colon > 0) {
                name = text.substring(0, colon).strip();
                rest = text.substring(colon + 1).strip();
            } else {
                String[] tokens = text.split(" ");
                int first = 0;
                while (first < tokens.length && !startsValue(tokens[first])) {
                    first++;
                }
                if (first == 0 || first == tokens.length) {
                    return Optional.empty();
                }
                name = String.join(" ", Arrays.copyOfRange(tokens, 0, first));
                rest = String.join(" ", Arrays.copyOfRange(tokens, first, tokens.length));
            }
            Optional<ReferenceRange> range = Optional.empty();
            Matcher parenthesised = PARENTHESISED.matcher(rest);
            if (parenthesised.find() && ReferenceRanges.parse(parenthesised.group(1)).isPresent()) {
                range = ReferenceRanges.parse(parenthesised.group(1));
                rest = (rest.substring(0, parenthesised.start()) + " " + rest.substring(parenthesised.end())).strip();
            } else {
                Matcher ranges = LINE_RANGE.matcher(rest);
                int start = -1;
                int end = -1;
                boolean firstMatch = true;
                while (ranges.find()) {
                    // the first number is the value, unless a later range follows it
                    if (!firstMatch || ranges.start() > 0) {
                        start = ranges.start();
                        end = ranges.end();
                    }
                    firstMatch = false;
                }
                if (start >= 0) {
                    range = ReferenceRanges.parse(rest.substring(start, end));
                    rest = (rest.substring(0, start) + " " + rest.substring(end)).strip();
                }
            }
            PrintedValue.Result result = PrintedValue.read(rest);
            if (result.value().isEmpty() || name.isEmpty()) {
                return Optional.empty();
            }
            PrintedValue value = result.value().get();
            if (!Terminology.isAnalyte(name) && (value.rest().isEmpty() || range.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Draft(name, text, value, value.rest(), range, value.flag(), lineIndex));
        }

        private Reading reading(PrintedReport report) {
            List<LabValue> values = new ArrayList<>();
            for (Draft draft : drafts) {
                values.add(value(draft, values.size() + 1));
            }
            return new Reading(values, collectedOn(report), identity(report), findings);
        }

        private LabValue value(Draft draft, int position) {
            PrintedValue printed = draft.value;
            String ucum = Terminology.ucum(draft.unit);
            boolean numeric = printed.value().chars().anyMatch(Character::isDigit) && !printed.value().endsWith("+");
            Optional<LoincCode> code = Terminology.codeFor(draft.name, ucum, numeric);
            Optional<AbnormalFlag> printedMeaning = draft.printedFlag.flatMap(PrintedValue::meaning);
            AbnormalFlag computed = AbnormalFlag.UNSPECIFIED;
            if (printed.number().isPresent() && draft.range.filter(r -> r.low().isPresent() || r.high().isPresent()).isPresent()) {
                computed = draft.range.get().flag(printed.number().get());
            } else if (printed.number().isEmpty() && !numeric && draft.range.isPresent()) {
                computed = ReferenceRanges.textFlag(printed.value(), draft.range.get());
            }
            if (computed != AbnormalFlag.UNSPECIFIED && printedMeaning.isPresent() && disagree(printedMeaning.get(), computed)) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.FLAG_DISAGREES, draft.line,
                        "the report flags " + draft.name + " " + printed.value() + " as " + draft.printedFlag.get()
                                + " but the range " + draft.range.get().text() + " makes it " + computed));
            }
            AbnormalFlag flag = computed != AbnormalFlag.UNSPECIFIED ? computed : printedMeaning.orElse(AbnormalFlag.UNSPECIFIED);
            AbnormalFlag withLimits = CriticalLimits.apply(code, printed.number(), ucum, flag);
            if (withLimits.isCritical()) {
                findings.add(new ReviewFinding(ReviewFinding.Kind.CRITICAL_VALUE, draft.line,
                        draft.name + " " + printed.value() + " " + draft.unit + " is past a critical (panic) limit"));
            }
            return new LabValue(position, draft.name, code, printed.value(), printed.number(), ucum, draft.unit,
                    draft.range, withLimits);
        }
    }

    private static boolean disagree(AbnormalFlag printed, AbnormalFlag computed) {
        return switch (printed) {
            case HIGH -> computed != AbnormalFlag.HIGH;
            case LOW -> computed != AbnormalFlag.LOW;
            case ABNORMAL -> !computed.isAbnormal();
            case NORMAL -> computed.isAbnormal();
            default -> false;
        };
    }

    private static boolean startsValue(String token) {
        return PrintedValue.read(token).value().filter(v -> v.number().isPresent() || v.value().matches("[<>].*")).isPresent()
                || PrintedValue.read(token).unreadable().isPresent();
    }

    private static String cell(Map<ResultColumns.Column, String> cells, ResultColumns.Panel panel, ResultColumns.Meaning meaning) {
        return panel.column(meaning).map(column -> cells.getOrDefault(column, "")).orElse("").strip();
    }

    private static String firstNonEmpty(String... candidates) {
        return Arrays.stream(candidates).filter(c -> !c.isBlank()).findFirst().orElse("").strip();
    }

    /** A known test name at the start, a number with a unit, or a range: what a result line looks like. */
    static boolean looksLikeResult(String line) {
        String text = DATE_OR_TIME.matcher(line).replaceAll(" ").strip();
        String[] words = text.split("\\s+");
        for (int n = Math.min(4, words.length); n >= 1; n--) {
            if (Terminology.isAnalyte(String.join(" ", Arrays.copyOfRange(words, 0, n)).replace(":", ""))) {
                return true;
            }
        }
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].matches("[<>]?\\d+(?:[.,]\\d+)?\\*?") && isUnit(words[i + 1])) {
                return true;
            }
        }
        return ReferenceRanges.looksLikeRange(text);
    }

    private static boolean isUnit(String token) {
        return !Terminology.ucum(token).equals(token) || UNIT_LIKE.matcher(token).matches();
    }

    private static Optional<LocalDate> collectedOn(PrintedReport report) {
        return firstMatch(report, COLLECTED).flatMap(LabReportText::date);
    }

    static PrintedIdentity identity(PrintedReport report) {
        return new PrintedIdentity(firstMatch(report, NAME).map(String::strip), firstMatch(report, BIRTH).flatMap(LabReportText::date),
                firstMatch(report, NUMBER));
    }

    private static Optional<String> firstMatch(PrintedReport report, Pattern pattern) {
        for (PrintedLine line : report.lines()) {
            Matcher m = pattern.matcher(line.spacedText());
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** ISO dates, day.month.year, and month/day/year (day/month/year when the first number cannot be a month). */
    private static Optional<LocalDate> date(String printed) {
        try {
            if (printed.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(printed));
            }
            String[] parts = printed.split("[./]");
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            int year = Integer.parseInt(parts[2]);
            boolean dayFirst = printed.contains(".") || a > 12;
            return Optional.of(dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
