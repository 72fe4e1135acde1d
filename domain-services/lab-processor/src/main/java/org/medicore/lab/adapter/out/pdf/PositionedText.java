package org.medicore.lab.adapter.out.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.medicore.lab.domain.PrintedLine;
import org.medicore.lab.domain.PrintedReport;
import org.medicore.lab.domain.PrintedWord;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PDFBox's text stripper, keeping each word's x position (PDFBox hands the words of a line to
 * {@link #writeString(String, List)} one by one) and grouping words into lines by their baseline.
 * Checks the time budget at every page, so a slow report stops between pages.
 */
final class PositionedText extends PDFTextStripper {

    /** Words whose baselines are closer than this (points) share a line. */
    private static final double SAME_LINE = 2.5;

    private record Placed(int page, double y, PrintedWord word) {
    }

    static final class OutOfTime extends IOException {
        OutOfTime() {
            super("the time budget ran out");
        }
    }

    private final Clock clock;
    private final Instant deadline;
    private final List<Placed> placed = new ArrayList<>();

    private PositionedText(Clock clock, Instant deadline) {
        this.clock = clock;
        this.deadline = deadline;
        setSortByPosition(true);
    }

    static PrintedReport read(PDDocument pdf, Clock clock, Instant deadline) throws IOException {
        PositionedText stripper = new PositionedText(clock, deadline);
        stripper.writeText(pdf, new StringWriter());
        return stripper.report();
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        if (clock.instant().isAfter(deadline)) {
            throw new OutOfTime();
        }
        super.startPage(page);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        if (positions.isEmpty() || text.isBlank()) {
            return;
        }
        TextPosition first = positions.getFirst();
        TextPosition last = positions.getLast();
        placed.add(new Placed(getCurrentPageNo(), first.getYDirAdj(), new PrintedWord(text.strip(), first.getXDirAdj(),
                last.getXDirAdj() + last.getWidthDirAdj())));
    }

    private PrintedReport report() {
        List<Placed> ordered = placed.stream()
                .sorted(Comparator.comparingInt(Placed::page).thenComparingDouble(Placed::y)).toList();
        List<PrintedLine> lines = new ArrayList<>();
        List<Placed> current = new ArrayList<>();
        for (Placed word : ordered) {
            if (!current.isEmpty() && (word.page() != current.getFirst().page()
                    || word.y() - current.getFirst().y() > SAME_LINE)) {
                lines.add(line(current));
                current.clear();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            lines.add(line(current));
        }
        return new PrintedReport(lines);
    }

    private static PrintedLine line(List<Placed> words) {
        return new PrintedLine(words.getFirst().page(), words.stream().map(Placed::word)
                .sorted(Comparator.comparingDouble(PrintedWord::x)).toList());
    }
}
