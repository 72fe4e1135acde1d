package org.medicore.lab.adapter.out.pdf;

import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.domain.LabReportText;
import org.medicore.lab.support.SampleReports;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Reports read per second by size (not a test): PDFBox extraction with positions plus the reading
 * of values, identity and findings, on one thread, for reports of 1, 5, 20 and 50 pages of 40 rows.
 * How to run it: see the module README ("Benchmark").
 */
public final class ReadingBenchmark {

    private static final String[][] ROWS = {
            {"Hemoglobin", "13.2", "g/dL", "12.0 - 15.5", ""}, {"WBC", "7.1", "10^9/L", "4.0 - 11.0", ""},
            {"Sodium", "141", "mmol/L", "136 - 145", ""}, {"Creatinine", "1.4", "mg/dL", "0.6 - 1.2", "H"}};

    private ReadingBenchmark() {
    }

    public static void main(String[] args) {
        Duration perSize = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        PdfBoxText pdfBox = new PdfBoxText(Clock.systemUTC());
        System.out.println("pages  rows  bytes     reports/s  pages/s  ms/report");
        for (int pages : new int[] {1, 5, 20, 50}) {
            SampleReports report = SampleReports.anEmptyTable().rowsPerPage(40);
            for (int i = 0; i < pages * 40; i++) {
                String[] row = ROWS[i % ROWS.length];
                report.withRow(row[0], row[1], row[2], row[3], row[4]);
            }
            byte[] pdf = report.pdf();
            int values = 0;
            // warm-up: a third of the time, not measured
            long warmUntil = System.nanoTime() + perSize.toNanos() / 3;
            while (System.nanoTime() < warmUntil) {
                values = read(pdfBox, pdf);
            }
            if (values != pages * 40) {
                throw new IllegalStateException("read " + values + " of " + pages * 40 + " values");
            }
            int reports = 0;
            long start = System.nanoTime();
            long until = start + perSize.toNanos();
            while (System.nanoTime() < until) {
                read(pdfBox, pdf);
                reports++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(String.format(Locale.ROOT, "%5d %5d %6d %12.1f %8.1f %10.1f", pages, pages * 40, pdf.length,
                    reports / seconds, reports * pages / seconds, 1000 * seconds / reports));
        }
    }

    private static int read(PdfBoxText pdfBox, byte[] pdf) {
        ExtractText.Text text = (ExtractText.Text) pdfBox.extract(pdf, 50, Duration.ofMinutes(1));
        return LabReportText.read(text.report()).values().size();
    }
}
