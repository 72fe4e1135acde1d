package org.medicore.lab.adapter.out.pdf;

import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.domain.LabReportText;
import org.medicore.lab.domain.PrintedReport;
import org.medicore.lab.support.SampleReports;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What reading one uploaded lab report costs, by its size (40 result rows a page, as
 * {@link SampleReports} prints them): PDFBox's text extraction with positions, the reading of
 * values, identity and findings from the extracted text, and both as the processing does them, so
 * the figures say which part dominates. Run: bench/run jmh-lab-processor (bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LabReportReadingBenchmark {

    private static final int ROWS_PER_PAGE = 40;
    private static final String[][] ROWS = {
            {"Hemoglobin", "13.2", "g/dL", "12.0 - 15.5", ""}, {"WBC", "7.1", "10^9/L", "4.0 - 11.0", ""},
            {"Sodium", "141", "mmol/L", "136 - 145", ""}, {"Creatinine", "1.4", "mg/dL", "0.6 - 1.2", "H"}};
    /** The service's default limits (application.yaml): a benchmark report never meets them. */
    private static final int MAX_PAGES = 50;
    private static final Duration BUDGET = Duration.ofSeconds(20);

    @Param({"1", "5", "20", "50"})
    public int pages;

    private final PdfBoxText pdfBox = new PdfBoxText(Clock.systemUTC());
    private byte[] pdf;
    private PrintedReport extracted;

    @Setup
    public void printReport() {
        SampleReports report = SampleReports.anEmptyTable().rowsPerPage(ROWS_PER_PAGE);
        for (int i = 0; i < pages * ROWS_PER_PAGE; i++) {
            String[] row = ROWS[i % ROWS.length];
            report.withRow(row[0], row[1], row[2], row[3], row[4]);
        }
        pdf = report.pdf();
        extracted = extract();
        int values = LabReportText.read(extracted).values().size();
        if (values != pages * ROWS_PER_PAGE) {
            throw new IllegalStateException("read " + values + " of " + pages * ROWS_PER_PAGE + " values");
        }
    }

    @Benchmark
    public PrintedReport extractText() {
        return extract();
    }

    @Benchmark
    public LabReportText.Reading readExtractedText() {
        return LabReportText.read(extracted);
    }

    @Benchmark
    public LabReportText.Reading extractAndRead() {
        return LabReportText.read(extract());
    }

    private PrintedReport extract() {
        return switch (pdfBox.extract(pdf, MAX_PAGES, BUDGET)) {
            case ExtractText.Text text -> text.report();
            case ExtractText.Unusable unusable -> throw new IllegalStateException(unusable.rejection().detail());
        };
    }
}
