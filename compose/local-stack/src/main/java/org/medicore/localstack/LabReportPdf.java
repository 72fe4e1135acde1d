package org.medicore.localstack;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A one-page lab report for the demo patient (Alice Patient, born 1985-04-12, as the demo data
 * registers her) in "Name: value unit (low-high)" lines, as a lab prints it: the lab-processor
 * holds a report that names no one, or someone else, for a clinician's review.
 */
public final class LabReportPdf {

    private LabReportPdf() {
    }

    public static byte[] withLines(List<String> lines) {
        return forPatient("Alice Patient", "1985-04-12", lines);
    }

    /** The same report printed for another patient (name as "Given Family", date of birth as yyyy-MM-dd). */
    public static byte[] forPatient(String name, String dateOfBirth, List<String> lines) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 780;
                for (String line : java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("City Lab Berlin - Laboratory report", "Patient: " + name,
                                "Date of birth: " + dateOfBirth, "Collected: 2026-03-01"),
                        lines.stream()).toList()) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.newLineAtOffset(50, y);
                    content.showText(line);
                    content.endText();
                    y -= 16;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
