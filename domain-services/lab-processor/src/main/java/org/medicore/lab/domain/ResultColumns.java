package org.medicore.lab.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A results table's header row, found by what its cells mean rather than where they stand:
 * which x position starts the test name, the result, the flag, the unit and the reference range.
 * A header that names the test (or the result) twice holds two panels side by side; each panel
 * is read on its own. A unit in a column header ("Result (mg/dL)") is that column's unit.
 */
public record ResultColumns(List<Panel> panels) {

    public enum Meaning { TEST, RESULT, FLAG, UNIT, RANGE, OTHER }

    /** One column: its meaning, where it starts, and a unit its header gave. */
    public record Column(Meaning meaning, double x, String headerUnit) {
    }

    /** One table of a header: columns left to right, from {@code start} to the next panel. */
    public record Panel(List<Column> columns, double start, double end) {

        Optional<Column> column(Meaning meaning) {
            return columns.stream().filter(c -> c.meaning() == meaning).findFirst();
        }
    }

    /** Words may start this far left of their column's header (points), e.g. right-aligned numbers. */
    private static final double LEFT_SLACK = 4;

    private static final Map<Meaning, Set<String>> HEADERS = new EnumMap<>(Map.of(
            Meaning.TEST, Set.of("test", "tests", "test name", "analyte", "analytes", "component", "components",
                    "description", "parameter", "parameters", "investigation", "examination", "determination", "name"),
            Meaning.RESULT, Set.of("result", "results", "value", "values", "your result", "your value", "result value",
                    "observed value", "measured value"),
            Meaning.FLAG, Set.of("flag", "flags", "abn", "abnormal", "abnormal flag", "h/l", "h l", "ind", "indicator",
                    "status"),
            Meaning.UNIT, Set.of("unit", "units", "uom"),
            Meaning.RANGE, Set.of("reference range", "ref range", "reference interval", "ref interval", "interval",
                    "normal range", "normal ranges", "ref", "reference", "reference values", "normal values", "range",
                    "biological reference interval", "reference limits", "expected values")));

    private static final Pattern UNIT_IN_HEADER = Pattern.compile("^(.*?)\\s*[(\\[]([^)\\]]+)[)\\]]\\s*$");

    /** The header a line is, if it is one: a result column and at least one other, most cells recognised. */
    public static Optional<ResultColumns> header(PrintedLine line) {
        List<Cell> cells = cells(line.words());
        List<Column> columns = new ArrayList<>();
        int recognised = 0;
        for (Cell cell : cells) {
            String text = cell.text();
            String unit = "";
            Matcher withUnit = UNIT_IN_HEADER.matcher(text);
            if (withUnit.matches()) {
                text = withUnit.group(1);
                unit = withUnit.group(2).strip();
            }
            Meaning meaning = meaning(text);
            if (meaning != Meaning.OTHER) {
                recognised++;
            }
            columns.add(new Column(meaning, cell.x(), unit));
        }
        boolean hasResult = columns.stream().anyMatch(c -> c.meaning() == Meaning.RESULT);
        if (!hasResult || recognised < 2 || recognised * 2 < columns.size()) {
            return Optional.empty();
        }
        return Optional.of(new ResultColumns(panels(columns)));
    }

    /** Splits a header where its first meaning comes again: two panels side by side. */
    private static List<Panel> panels(List<Column> columns) {
        List<List<Column>> groups = new ArrayList<>();
        Column first = columns.stream().filter(c -> c.meaning() != Meaning.OTHER).findFirst().orElseThrow();
        for (Column column : columns) {
            if (groups.isEmpty() || (column.meaning() == first.meaning() && column != first)) {
                groups.add(new ArrayList<>());
            }
            groups.getLast().add(column);
        }
        List<Panel> panels = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            double start = i == 0 ? Double.NEGATIVE_INFINITY : groups.get(i).getFirst().x() - LEFT_SLACK;
            double end = i == groups.size() - 1 ? Double.POSITIVE_INFINITY : groups.get(i + 1).getFirst().x() - LEFT_SLACK;
            List<Column> group = new ArrayList<>(groups.get(i));
            if (group.stream().noneMatch(c -> c.meaning() == Meaning.TEST)) {
                // an unlabelled first column holds the test names
                group.addFirst(new Column(Meaning.TEST, start, ""));
            }
            panels.add(new Panel(List.copyOf(group), start, end));
        }
        return panels;
    }

    private static Meaning meaning(String header) {
        String key = Terminology.normalised(header.replace(".", ""));
        for (Map.Entry<Meaning, Set<String>> entry : HEADERS.entrySet()) {
            if (entry.getValue().contains(key)) {
                return entry.getKey();
            }
        }
        return Meaning.OTHER;
    }

    /** The words of one panel of a line, by column: a word belongs to the last column starting at or before it. */
    public Map<Column, String> cellsOf(PrintedLine line, Panel panel) {
        Map<Column, StringBuilder> cells = new java.util.LinkedHashMap<>();
        for (PrintedWord word : line.words()) {
            if (word.x() < panel.start() || word.x() >= panel.end()) {
                continue;
            }
            Column owner = panel.columns().getFirst();
            for (Column column : panel.columns()) {
                if (column.x() - LEFT_SLACK <= word.x()) {
                    owner = column;
                }
            }
            StringBuilder cell = cells.computeIfAbsent(owner, c -> new StringBuilder());
            if (!cell.isEmpty()) {
                cell.append(' ');
            }
            cell.append(word.text());
        }
        Map<Column, String> texts = new java.util.LinkedHashMap<>();
        cells.forEach((column, text) -> texts.put(column, text.toString()));
        return texts;
    }

    private record Cell(String text, double x) {
    }

    /** Words into cells: a gap wider than {@link PrintedLine#CELL_GAP} starts a new cell. */
    private static List<Cell> cells(List<PrintedWord> words) {
        List<Cell> cells = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double x = 0;
        double end = 0;
        for (PrintedWord word : words) {
            if (!text.isEmpty() && word.x() - end > PrintedLine.CELL_GAP) {
                cells.add(new Cell(text.toString(), x));
                text.setLength(0);
            }
            if (text.isEmpty()) {
                x = word.x();
            } else {
                text.append(' ');
            }
            text.append(word.text());
            end = word.endX();
        }
        if (!text.isEmpty()) {
            cells.add(new Cell(text.toString(), x));
        }
        return cells;
    }
}
