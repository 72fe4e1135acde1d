package org.medicore.lab.domain;

import java.util.List;
import java.util.stream.Collectors;

/** One line of a report page, its words left to right. */
public record PrintedLine(int page, List<PrintedWord> words) {

    public PrintedLine {
        words = List.copyOf(words);
    }

    /** Words further apart than this (points) are in different cells of a line. */
    public static final double CELL_GAP = 6;

    public String text() {
        return words.stream().map(PrintedWord::text).collect(Collectors.joining(" "));
    }

    /** The text with two spaces where a gap separates cells, one between the words of a cell. */
    public String spacedText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(words.get(i).x() - words.get(i - 1).endX() > CELL_GAP ? "  " : " ");
            }
            text.append(words.get(i).text());
        }
        return text.toString();
    }
}
