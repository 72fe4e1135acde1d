package org.medicore.lab.adapter.out.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.domain.PrintedReport;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The text layer of a PDF with PDFBox, words with their positions; anything that is not a
 * readable, unencrypted PDF with text, or has more pages than allowed, or takes longer than the
 * budget, is unusable with a sentence saying why.
 */
final class PdfBoxText implements ExtractText {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final Clock clock;

    PdfBoxText(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Extraction extract(byte[] document, int maxPages, Duration budget) {
        Instant deadline = clock.instant().plus(budget);
        if (document.length < MAGIC.length || !Arrays.equals(document, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return unusable(RejectionReason.NOT_A_PDF, "The file is not a PDF document.");
        }
        try (PDDocument pdf = Loader.loadPDF(document)) {
            if (pdf.isEncrypted()) {
                return unusable(RejectionReason.UNREADABLE, "The PDF is password-protected; please upload it without a password.");
            }
            if (pdf.getNumberOfPages() > maxPages) {
                return unusable(RejectionReason.TOO_MANY_PAGES, "The PDF has " + pdf.getNumberOfPages()
                        + " pages; reports may have at most " + maxPages + ". Please upload the lab report on its own.");
            }
            PrintedReport report = PositionedText.read(pdf, clock, deadline);
            if (report.lines().isEmpty()) {
                return unusable(RejectionReason.UNREADABLE,
                        "The PDF has no text layer (a scanned image?); please upload the lab's original PDF.");
            }
            return new Text(report);
        } catch (PositionedText.OutOfTime slow) {
            return unusable(RejectionReason.READING_TIMED_OUT, "Reading the PDF took longer than the "
                    + budget.toSeconds() + " s allowed per report; please upload the lab report on its own.");
        } catch (InvalidPasswordException e) {
            return unusable(RejectionReason.UNREADABLE, "The PDF is password-protected; please upload it without a password.");
        } catch (IOException e) {
            return unusable(RejectionReason.UNREADABLE, "The PDF is damaged and cannot be read.");
        }
    }

    private static Extraction unusable(RejectionReason reason, String detail) {
        return new Unusable(new Rejection(reason, detail));
    }
}
