package org.medicore.lab.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lab reports as labs print them, made with PDFBox: {@code aTableReport().withRow("Hemoglobin",
 * "11.2", "g/dL", "12.0 - 15.5", "L").pdf()} or {@code aLinesReport().pdf()}, and the bad inputs.
 */
public final class SampleReports {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private final boolean table;
    private final List<String[]> rows = new ArrayList<>();
    private boolean encrypted;

    private SampleReports(boolean table) {
        this.table = table;
    }

    /** A complete blood count and lipid panel laid out as a table, one row out of range on each side. */
    public static SampleReports aTableReport() {
        return new SampleReports(true)
                .withRow("Hemoglobin", "11.2", "g/dL", "12.0 - 15.5", "L")
                .withRow("WBC", "7.1", "10^9/L", "4.0 - 11.0", "")
                .withRow("Platelets", "250", "10^9/L", "150 - 400", "")
                .withRow("Total cholesterol", "245", "mg/dL", "< 200", "H")
                .withRow("HbA1c", "5.4", "%", "4.0 - 5.6", "");
    }

    /** A metabolic panel as "Name: value unit (low-high)" lines. */
    public static SampleReports aLinesReport() {
        return new SampleReports(false)
                .withRow("Glucose", "98", "mg/dL", "70-99", "")
                .withRow("Sodium", "141", "mmol/L", "136-145", "")
                .withRow("Potassium", "5.6", "mmol/L", "3.5-5.1", "H")
                .withRow("Creatinine", "0.9", "mg/dL", "0.6-1.2", "");
    }

    public SampleReports withRow(String test, String value, String unit, String range, String flag) {
        rows.add(new String[] {test, value, unit, range, flag});
        return this;
    }

    public SampleReports encrypted() {
        encrypted = true;
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public byte[] pdf() {
        return onePage(encrypted, (document, content) -> {
            float y = 780;
            y = text(content, FONT, 50, y, "City Lab Berlin - Laboratory report");
            y = text(content, FONT, 50, y, "Patient: Anna Example    Collected: 2026-03-01");
            y -= 10;
            if (table) {
                row(content, FONT, y, new String[] {"Test", "Result", "Unit", "Reference range", "Flag"});
                y -= 18;
                for (String[] row : rows) {
                    row(content, FONT, y, row);
                    y -= 18;
                }
            } else {
                for (String[] row : rows) {
                    y = text(content, FONT, 50, y, row[0] + ": " + row[1] + " " + row[2] + " (" + row[3] + ")"
                            + (row[4].isEmpty() ? "" : " " + row[4]));
                }
            }
            text(content, FONT, 50, y - 20, "Validated by Dr. J. Novak");
        });
    }

    /** A letter with no lab values in it. */
    public static byte[] aLetterWithoutValues() {
        return onePage(false, (document, content) -> {
            float y = text(content, FONT, 50, 780, "Dear patient,");
            text(content, FONT, 50, y, "your results will follow by mail. Kind regards, City Lab Berlin");
        });
    }

    /** A scanned page: one image, no text layer. */
    public static byte[] aScannedReport() {
        return onePage(false, (document, content) -> {
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = scan.createGraphics();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, 200, 100);
            graphics.setColor(Color.BLACK);
            graphics.drawString("Hemoglobin 13.2 g/dL", 10, 50);
            graphics.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            content.drawImage(image, 50, 500, 400, 200);
        });
    }

    /** The first half of a report: a PDF header, then nothing usable. */
    public static byte[] aCorruptReport() {
        byte[] whole = aTableReport().pdf();
        byte[] broken = Arrays.copyOf(whole, whole.length / 3);
        Arrays.fill(broken, 20, broken.length, (byte) 'x');
        return broken;
    }

    public static byte[] aWordDocument() {
        return "PK\u0003\u0004word/document.xml Hemoglobin 13.2 g/dL".getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A PDF header followed by padding, one byte over the limit. */
    public static byte[] anOversizeReport() {
        byte[] big = new byte[(int) MAX_BYTES + 1];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, big, 0, header.length);
        return big;
    }

    private interface PageDrawing {
        void draw(PDDocument document, PDPageContentStream content) throws IOException;
    }

    /** A one-page A4 document with what {@code drawing} puts on it, optionally password-protected. */
    private static byte[] onePage(boolean encrypted, PageDrawing drawing) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                drawing.draw(document, content);
            }
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(PDPageContentStream content, PDType1Font font, float y, String[] cells) throws IOException {
        float[] columns = {50, 200, 270, 350, 480};
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                text(content, font, columns[i], y, cells[i]);
            }
        }
    }

    private static float text(PDPageContentStream content, PDType1Font font, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, 10);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
        return y - 16;
    }

}
