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
 * A table's layout is the lab's choice: {@code columns("Analyte", "Value", "Flag", ...)} names and
 * orders them (each header maps to the row's test, value, unit, range or flag by {@link Cell}),
 * {@code inlineFlags()} prints the flag in the value cell, {@code unitInName()} the unit after the
 * name, {@code decimalComma()}, {@code sideBySide()} two panels on one page, {@code rowsPerPage(n)}
 * a header repeated on each page, a test name with "\n" wraps onto a second line, and
 * {@code uncompressed()} writes the content stream in clear (PDFBox compresses it by default).
 */
public final class SampleReports {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    /** What a column of a table shows of each row; EXTRA is a column the reader has no use for (a method). */
    public enum Cell { TEST, VALUE, UNIT, RANGE, FLAG, EXTRA }

    private final boolean table;
    private final List<String[]> rows = new ArrayList<>();
    private boolean encrypted;
    private List<String> headers = List.of("Test", "Result", "Unit", "Reference range", "Flag");
    private List<Cell> cells = List.of(Cell.TEST, Cell.VALUE, Cell.UNIT, Cell.RANGE, Cell.FLAG);
    private float[] columnX = {50, 200, 270, 350, 480};
    private String flagStyle = "column";
    private boolean unitInName;
    private boolean decimalComma;
    private boolean sideBySide;
    private boolean compressed = true;
    private int rowsPerPage = Integer.MAX_VALUE;
    private List<String> identity = List.of("Patient: Anna Example    DOB: 1985-03-14    Collected: 2026-03-01");

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

    /** An empty table in the default layout, for rows of the caller's choice. */
    public static SampleReports anEmptyTable() {
        return new SampleReports(true);
    }

    /** An empty lines report. */
    public static SampleReports emptyLines() {
        return new SampleReports(false);
    }

    public SampleReports withRow(String test, String value, String unit, String range, String flag) {
        rows.add(new String[] {test, value, unit, range, flag});
        return this;
    }

    /** The table's columns: header texts, what each shows, where each starts (points from the left). */
    public SampleReports columns(List<String> headerTexts, List<Cell> shown, float... x) {
        headers = List.copyOf(headerTexts);
        cells = List.copyOf(shown);
        columnX = x;
        return this;
    }

    /** Flags printed in the value cell: "after" ("10.9 L"), "star" ("10.9*"), "before" ("L 10.9"). */
    public SampleReports flagsInValue(String style) {
        flagStyle = style;
        return this;
    }

    public SampleReports unitInName() {
        unitInName = true;
        return this;
    }

    public SampleReports decimalComma() {
        decimalComma = true;
        return this;
    }

    public SampleReports sideBySide() {
        sideBySide = true;
        return this;
    }

    public SampleReports rowsPerPage(int rows) {
        rowsPerPage = rows;
        return this;
    }

    public SampleReports uncompressed() {
        compressed = false;
        return this;
    }

    /** The header lines naming the patient; none for a report without identity. */
    public SampleReports identity(String... lines) {
        identity = List.of(lines);
        return this;
    }

    public SampleReports forPatient(String name, String dateOfBirth) {
        return identity("Patient: " + name + "    DOB: " + dateOfBirth + "    Collected: 2026-03-01");
    }

    public SampleReports encrypted() {
        encrypted = true;
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            List<List<String[]>> pages = new ArrayList<>();
            for (int i = 0; i < Math.max(1, rows.size()); i += rowsPerPage) {
                pages.add(rows.subList(Math.min(i, rows.size()), Math.min(rows.size(), i + rowsPerPage)));
            }
            for (List<String[]> pageRows : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.OVERWRITE, compressed)) {
                    drawPage(content, pageRows);
                }
            }
            return save(document, encrypted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawPage(PDPageContentStream content, List<String[]> pageRows) throws IOException {
        float y = 780;
        y = text(content, FONT, 50, y, "City Lab Berlin - Laboratory report");
        for (String line : identity) {
            y = text(content, FONT, 50, y, line);
        }
        y -= 10;
        if (!table) {
            for (String[] row : pageRows) {
                y = text(content, FONT, 50, y, row[0] + ": " + number(row[1]) + " " + row[2] + " (" + number(row[3]) + ")"
                        + (row[4].isEmpty() ? "" : " " + row[4]));
            }
        } else if (sideBySide) {
            int half = (pageRows.size() + 1) / 2;
            float top = y;
            float left = tableAt(content, pageRows.subList(0, half), top, 0);
            float right = tableAt(content, pageRows.subList(half, pageRows.size()), top, 270);
            y = Math.min(left, right);
        } else {
            y = tableAt(content, pageRows, y, 0);
        }
        text(content, FONT, 50, y - 20, "Validated by Dr. J. Novak");
    }

    /** One table, its columns shifted right by {@code offset}; answers the y below it. */
    private float tableAt(PDPageContentStream content, List<String[]> tableRows, float y, float offset) throws IOException {
        float size = sideBySide ? 8 : 10;
        for (int i = 0; i < headers.size(); i++) {
            text(content, FONT, size, columnX[i] + offset, y, headers.get(i));
        }
        y -= 18;
        for (String[] row : tableRows) {
            String[] name = row[0].split("\n");
            for (int i = 0; i < cells.size(); i++) {
                String cell = cell(row, cells.get(i), name[0]);
                if (!cell.isEmpty()) {
                    text(content, FONT, size, columnX[i] + offset, y, cell);
                }
            }
            for (int line = 1; line < name.length; line++) {
                y -= 11;
                text(content, FONT, size, columnX[cells.indexOf(Cell.TEST)] + offset, y, name[line]);
            }
            y -= 18;
        }
        return y;
    }

    private String cell(String[] row, Cell cell, String firstNameLine) {
        String flag = row[4];
        return switch (cell) {
            case TEST -> unitInName && !row[2].isEmpty() ? firstNameLine + " (" + row[2] + ")" : firstNameLine;
            case VALUE -> switch (flagStyle) {
                case "after" -> number(row[1]) + (flag.isEmpty() ? "" : " " + flag);
                case "star" -> number(row[1]) + (flag.isEmpty() ? "" : "*");
                case "before" -> (flag.isEmpty() ? "" : flag + " ") + number(row[1]);
                default -> number(row[1]);
            };
            case UNIT -> row[2];
            case RANGE -> number(row[3]);
            case FLAG -> flag;
            case EXTRA -> "ECLIA";
        };
    }

    private String number(String printed) {
        return decimalComma ? printed.replaceAll("(\\d)\\.(\\d)", "$1,$2") : printed;
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
            return save(document, encrypted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document, boolean encrypted) throws IOException {
        if (encrypted) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static float text(PDPageContentStream content, PDType1Font font, float x, float y, String text) throws IOException {
        return text(content, font, 10, x, y, text);
    }

    private static float text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
        return y - 16;
    }

}
