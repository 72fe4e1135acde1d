package org.medicore.lab.adapter.out.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The text layer of a PDF with PDFBox; anything that is not a readable, unencrypted PDF with text is unusable. */
final class PdfBoxText implements ExtractText {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    @Override
    public Extraction extract(byte[] document) {
        if (document.length < MAGIC.length || !Arrays.equals(document, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return unusable(RejectionReason.NOT_A_PDF, "The file is not a PDF document.");
        }
        try (PDDocument pdf = Loader.loadPDF(document)) {
            if (pdf.isEncrypted()) {
                return unusable(RejectionReason.UNREADABLE, "The PDF is password-protected; please upload it without a password.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf);
            if (text.isBlank()) {
                return unusable(RejectionReason.UNREADABLE,
                        "The PDF has no text layer (a scanned image?); please upload the lab's original PDF.");
            }
            return new Text(text);
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
