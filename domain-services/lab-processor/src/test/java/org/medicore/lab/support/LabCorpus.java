package org.medicore.lab.support;

import org.assertj.core.groups.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab report corpus: {@code lab-corpus/expected.json} holds each report's layout, identity and
 * printed rows (from which {@link SampleReports} builds the PDF) and what reading it must give.
 */
public final class LabCorpus {

    public record Record(String given, String family, String born) {
    }

    public record Finding(String kind, String lineContains) {
    }

    public record Report(String id, byte[] pdf, String status, List<Tuple> expectedValues, List<Finding> expectedFindings) {

        @Override
        public String toString() {
            return id;
        }
    }

    public record Corpus(Record record, List<Report> reports) {
    }

    private static Corpus loaded;

    private LabCorpus() {
    }

    public static synchronized Corpus load() {
        if (loaded == null) {
            loaded = read();
        }
        return loaded;
    }

    private static Corpus read() {
        try (InputStream in = LabCorpus.class.getClassLoader().getResourceAsStream("lab-corpus/expected.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            JsonNode r = root.get("record");
            List<Report> reports = new ArrayList<>();
            for (JsonNode report : root.get("reports")) {
                reports.add(new Report(report.get("id").asString(), build(report), report.get("status").asString(),
                        values(report.get("values")), findings(report.get("findings"))));
            }
            return new Corpus(new Record(r.get("given").asString(), r.get("family").asString(), r.get("born").asString()),
                    reports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF a report's layout, identity and rows describe. */
    private static byte[] build(JsonNode report) {
        JsonNode layout = report.get("layout");
        SampleReports pdf = layout.has("lines") ? SampleReports.emptyLines() : SampleReports.anEmptyTable();
        if (layout.has("headers")) {
            List<SampleReports.Cell> cells = new ArrayList<>();
            layout.get("cells").forEach(cell -> cells.add(SampleReports.Cell.valueOf(cell.asString())));
            List<String> headers = new ArrayList<>();
            layout.get("headers").forEach(header -> headers.add(header.asString()));
            float[] x = new float[cells.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) layout.get("x").get(i).asDouble();
            }
            pdf.columns(headers, cells, x);
        }
        if (layout.has("flagsInValue")) {
            pdf.flagsInValue(layout.get("flagsInValue").asString());
        }
        if (layout.has("unitInName")) {
            pdf.unitInName();
        }
        if (layout.has("decimalComma")) {
            pdf.decimalComma();
        }
        if (layout.has("sideBySide")) {
            pdf.sideBySide();
        }
        if (layout.has("uncompressed")) {
            pdf.uncompressed();
        }
        if (layout.has("rowsPerPage")) {
            pdf.rowsPerPage(layout.get("rowsPerPage").asInt());
        }
        if (report.has("identity")) {
            List<String> lines = new ArrayList<>();
            report.get("identity").forEach(line -> lines.add(line.asString()));
            pdf.identity(lines.toArray(String[]::new));
        }
        for (JsonNode row : report.get("rows")) {
            pdf.withRow(row.get(0).asString(), row.get(1).asString(), row.get(2).asString(), row.get(3).asString(),
                    row.get(4).asString());
        }
        return pdf.pdf();
    }

    private static List<Tuple> values(JsonNode values) {
        List<Tuple> tuples = new ArrayList<>();
        for (JsonNode v : values) {
            tuples.add(Tuple.tuple(v.get(0).asString(), v.get(1).asString(), v.get(2).asString(), v.get(3).asString(),
                    v.get(4).asString(), v.get(5).asString()));
        }
        return tuples;
    }

    private static List<Finding> findings(JsonNode findings) {
        List<Finding> list = new ArrayList<>();
        if (findings != null) {
            findings.forEach(f -> list.add(new Finding(f.get(0).asString(), f.get(1).asString())));
        }
        return list;
    }
}
