package org.medicore.lab.adapter.out.pdf;

import org.junit.jupiter.api.Test;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.domain.LabReportText;
import org.medicore.lab.domain.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.support.SampleReports.aCorruptReport;
import static org.medicore.lab.support.SampleReports.aLinesReport;
import static org.medicore.lab.support.SampleReports.aScannedReport;
import static org.medicore.lab.support.SampleReports.aTableReport;
import static org.medicore.lab.support.SampleReports.aWordDocument;

class PdfBoxTextTest {

    private final PdfBoxText pdfBox = new PdfBoxText(java.time.Clock.systemUTC());

    @Test
    void every_row_of_a_table_report_is_read_back_from_the_pdf() {
        var report = aTableReport();

        var text = ((ExtractText.Text) pdfBox.extract(report.pdf(), 50, java.time.Duration.ofSeconds(20))).report();

        assertThat(LabReportText.read(text).values()).hasSize(report.rowCount());
    }

    @Test
    void every_line_of_a_lines_report_is_read_back_from_the_pdf() {
        var report = aLinesReport();

        var text = ((ExtractText.Text) pdfBox.extract(report.pdf(), 50, java.time.Duration.ofSeconds(20))).report();

        assertThat(LabReportText.read(text).values()).hasSize(report.rowCount());
    }

    @Test
    void an_encrypted_pdf_is_unreadable() {
        assertThat(reasonFor(aTableReport().encrypted().pdf())).isEqualTo(RejectionReason.UNREADABLE);
    }

    @Test
    void a_corrupt_pdf_is_unreadable() {
        assertThat(reasonFor(aCorruptReport())).isEqualTo(RejectionReason.UNREADABLE);
    }

    @Test
    void a_scan_without_a_text_layer_is_unreadable() {
        assertThat(reasonFor(aScannedReport())).isEqualTo(RejectionReason.UNREADABLE);
    }

    @Test
    void a_file_that_is_not_a_pdf_is_recognised_by_its_bytes() {
        assertThat(reasonFor(aWordDocument())).isEqualTo(RejectionReason.NOT_A_PDF);
    }

    private RejectionReason reasonFor(byte[] document) {
        return ((ExtractText.Unusable) pdfBox.extract(document, 50, java.time.Duration.ofSeconds(20))).rejection().reason();
    }
}
