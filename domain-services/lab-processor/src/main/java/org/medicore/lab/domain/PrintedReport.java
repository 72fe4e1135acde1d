package org.medicore.lab.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report's text layer as lines of positioned words, page by page, the way the reader needs it
 * to find columns by where their header sits rather than by their order.
 */
public record PrintedReport(List<PrintedLine> lines) {

    /** Width given to one character when a report comes as plain text (no positions). */
    private static final double CHARACTER_WIDTH = 5;

    public PrintedReport {
        lines = List.copyOf(lines);
    }

    public String text() {
        return lines.stream().map(PrintedLine::text).collect(Collectors.joining("\n"));
    }

    /** Plain text, one page, words placed by their column in the line. */
    public static PrintedReport ofText(String text) {
        List<PrintedLine> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            List<PrintedWord> words = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                if (Character.isWhitespace(line.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                words.add(new PrintedWord(line.substring(start, i), start * CHARACTER_WIDTH, i * CHARACTER_WIDTH));
            }
            if (!words.isEmpty()) {
                lines.add(new PrintedLine(1, words));
            }
        }
        return new PrintedReport(lines);
    }
}
