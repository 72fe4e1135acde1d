package org.medicore.lab.adapter.out.pdf;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.domain.LabReportText;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.PatientMatch;
import org.medicore.lab.domain.PatientRecord;
import org.medicore.lab.domain.ReviewFinding;
import org.medicore.lab.support.LabCorpus;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report of the corpus ({@code lab-corpus/expected.json}), built as a PDF, read back
 * through PDFBox: 100 % of values, units, flags and codes right, and held for review with the
 * right reasons exactly where the report was built to need it.
 */
class LabCorpusTest {

    static Stream<Named<LabCorpus.Report>> reports() {
        return LabCorpus.load().reports().stream().map(report -> Named.of(report.id(), report));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void every_value_unit_and_flag_is_read_and_a_report_is_held_exactly_when_it_must_be(LabCorpus.Report report) {
        ExtractText.Extraction extraction = new PdfBoxText(Clock.systemUTC()).extract(report.pdf(), 50, Duration.ofSeconds(20));
        assertThat(extraction).isInstanceOf(ExtractText.Text.class);
        LabReportText.Reading reading = LabReportText.read(((ExtractText.Text) extraction).report());
        LabCorpus.Record record = LabCorpus.load().record();
        List<ReviewFinding> findings = new ArrayList<>(reading.findings());
        PatientMatch.check(reading.identity(), new PatientRecord("0b6f4a52-4e0c-4a53-9a0e-2f1d3c4b5a69",
                record.given(), record.family(), Optional.of(LocalDate.parse(record.born())))).ifPresent(findings::add);

        assertThat(reading.values()).extracting(LabValue::testName, LabValue::value, LabValue::unit, LabValue::printedUnit,
                        value -> value.flag().name(), value -> value.code().map(LoincCode::value).orElse(""))
                .containsExactlyElementsOf(report.expectedValues());
        assertThat(findings.isEmpty() ? "PROCESSED" : "NEEDS_REVIEW").as("status, findings " + findings)
                .isEqualTo(report.status());
        assertThat(findings).hasSameSizeAs(report.expectedFindings());
        for (int i = 0; i < findings.size(); i++) {
            assertThat(findings.get(i).kind().name()).isEqualTo(report.expectedFindings().get(i).kind());
            assertThat(findings.get(i).line()).contains(report.expectedFindings().get(i).lineContains());
            assertThat(findings.get(i).reason()).isNotBlank();
        }
    }
}
