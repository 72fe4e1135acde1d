package org.medicore.lab.adapter.out.pdf;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.domain.LabReportText;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.support.SampleReports;
import org.medicore.lab.support.SampleReports.Cell;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layouts nobody planned: columns in any order, spacing, decimal commas, flags in the value cell,
 * an extra column. Whatever the layout, a report is either read whole (every value, right) or
 * has a finding for a clinician; never read short without a word.
 */
class UnplannedLayoutsProperties {

    private static final Map<Cell, String> HEADER = Map.of(Cell.TEST, "Test", Cell.VALUE, "Result", Cell.UNIT, "Units",
            Cell.RANGE, "Reference range", Cell.FLAG, "Flag", Cell.EXTRA, "Method");
    private static final Map<Cell, Float> WIDTH = Map.of(Cell.TEST, 95f, Cell.VALUE, 40f, Cell.UNIT, 40f,
            Cell.RANGE, 70f, Cell.FLAG, 25f, Cell.EXTRA, 40f);
    private static final List<String[]> ROWS = List.of(
            new String[] {"Hemoglobin", "10.9", "g/dL", "12.0 - 15.5", "L"},
            new String[] {"Sodium", "141", "mmol/L", "136 - 145", ""},
            new String[] {"Platelets", "452", "K/uL", "150 - 400", "H"},
            new String[] {"ALT", "30", "U/L", "7 - 56", ""},
            new String[] {"Creatinine", "1.4", "mg/dL", "0.6 - 1.2", "H"},
            new String[] {"TSH", "2.1", "mIU/L", "0.4 - 4.0", ""});

    record Layout(List<Cell> cells, float gap, boolean decimalComma, String flagStyle, int rows) {
    }

    @Provide
    Arbitrary<Layout> layouts() {
        Arbitrary<List<Cell>> cells = Arbitraries.of(Cell.VALUE, Cell.UNIT, Cell.RANGE, Cell.FLAG, Cell.EXTRA)
                .set().ofMinSize(2).ofMaxSize(5)
                .filter(set -> set.contains(Cell.VALUE))
                .flatMap(set -> Arbitraries.shuffle(new ArrayList<>(set)))
                .map(list -> {
                    List<Cell> all = new ArrayList<>(list);
                    all.addFirst(Cell.TEST);
                    return all;
                });
        return Combinators.combine(cells, Arbitraries.floats().between(12, 40), Arbitraries.of(true, false),
                Arbitraries.of("column", "after", "star", "before"), Arbitraries.integers().between(1, ROWS.size()))
                .as(Layout::new);
    }

    @Property(tries = 60)
    void a_report_in_any_layout_is_read_whole_or_held_never_read_short(@ForAll("layouts") Layout layout) {
        List<String> headers = layout.cells().stream().map(HEADER::get).toList();
        float[] x = new float[layout.cells().size()];
        float at = 40;
        for (int i = 0; i < x.length; i++) {
            x[i] = at;
            at += WIDTH.get(layout.cells().get(i)) + layout.gap();
        }
        SampleReports report = SampleReports.anEmptyTable().columns(headers, layout.cells(), x)
                .flagsInValue(layout.cells().contains(Cell.FLAG) ? "column" : layout.flagStyle());
        if (layout.decimalComma()) {
            report.decimalComma();
        }
        ROWS.subList(0, layout.rows()).forEach(row -> report.withRow(row[0], row[1], row[2], row[3], row[4]));

        ExtractText.Extraction text = new PdfBoxText(Clock.systemUTC()).extract(report.pdf(), 50, Duration.ofSeconds(20));
        LabReportText.Reading reading = LabReportText.read(((ExtractText.Text) text).report());

        boolean readWhole = reading.values().size() == layout.rows();
        if (readWhole) {
            for (int i = 0; i < layout.rows(); i++) {
                LabValue value = reading.values().get(i);
                assertThat(value.testName()).isEqualTo(ROWS.get(i)[0]);
                assertThat(value.numericValue()).contains(Double.parseDouble(ROWS.get(i)[1]));
                if (layout.cells().contains(Cell.UNIT)) {
                    assertThat(value.printedUnit()).isEqualTo(ROWS.get(i)[2]);
                }
            }
        } else {
            assertThat(reading.findings()).as("read %d of %d values without a finding", reading.values().size(),
                    layout.rows()).isNotEmpty();
        }
    }
}
