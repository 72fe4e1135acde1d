package org.medicore.lab.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LabReportTextTest {

    @Test
    void reads_a_table_row_with_its_unit_range_loinc_code_and_low_flag() {
        LabReportText.Reading reading = LabReportText.read("""
                Test Result Unit Reference range Flag
                Hemoglobin 11.2 g/dL 12.0 - 15.5 L
                """);

        assertThat(reading.values()).singleElement().satisfies(value -> {
            assertThat(value.testName()).isEqualTo("Hemoglobin");
            assertThat(value.code()).contains(new LoincCode("718-7"));
            assertThat(value.numericValue()).contains(11.2);
            assertThat(value.unit()).isEqualTo("g/dL");
            assertThat(value.referenceRange().orElseThrow().low()).contains(12.0);
            assertThat(value.referenceRange().orElseThrow().high()).contains(15.5);
            assertThat(value.flag()).isEqualTo(AbnormalFlag.LOW);
        });
    }

    @Test
    void reads_name_value_lines_and_flags_a_value_above_the_range_even_when_the_lab_printed_no_flag() {
        LabReportText.Reading reading = LabReportText.read("""
                Potassium: 5.6 mmol/L (3.5-5.1)
                Sodium: 141 mmol/L (136-145)
                """);

        assertThat(reading.values()).extracting(LabValue::flag).containsExactly(AbnormalFlag.HIGH, AbnormalFlag.NORMAL);
        assertThat(reading.values()).extracting(value -> value.code().orElseThrow().value()).containsExactly("2823-3", "2951-2");
        assertThat(reading.values()).extracting(LabValue::line).containsExactly(1, 2);
    }

    @Test
    void a_value_past_a_panic_limit_is_critical_whatever_range_the_lab_printed() {
        LabReportText.Reading reading = LabReportText.read("""
                Potassium: 6.9 mmol/L (3.5-5.1)
                Glucose: 35 mg/dL (70-99)
                Sodium: 131 mmol/L (136-145)
                """);

        assertThat(reading.values()).extracting(LabValue::flag)
                .containsExactly(AbnormalFlag.CRITICAL_HIGH, AbnormalFlag.CRITICAL_LOW, AbnormalFlag.LOW);
        assertThat(reading.values()).filteredOn(LabValue::isAbnormal).hasSize(3);
        assertThat(reading.values()).filteredOn(LabValue::isCritical).hasSize(2);
    }

    @Test
    void a_panic_limit_applies_only_in_the_unit_it_is_written_in() {
        LabValue glucose = LabReportText.read("Glucose: 2.9 mmol/L (3.9-5.5)").values().getFirst();

        assertThat(glucose.flag()).isEqualTo(AbnormalFlag.LOW);
    }

    @Test
    void an_upper_limit_only_range_flags_values_above_it() {
        LabValue cholesterol = LabReportText.read("Total cholesterol 245 mg/dL < 200 H").values().getFirst();

        assertThat(cholesterol.referenceRange().orElseThrow().low()).isEmpty();
        assertThat(cholesterol.referenceRange().orElseThrow().high()).contains(200.0);
        assertThat(cholesterol.flag()).isEqualTo(AbnormalFlag.HIGH);
        assertThat(cholesterol.code()).contains(new LoincCode("2093-3"));
    }

    @Test
    void an_unknown_test_counts_only_with_a_unit_and_a_range() {
        LabReportText.Reading reading = LabReportText.read("""
                Patient ID: 12345
                Chromogranin A: 80 ng/mL (30-400)
                """);

        assertThat(reading.values()).singleElement().satisfies(value -> {
            assertThat(value.testName()).isEqualTo("Chromogranin A");
            assertThat(value.code()).isEmpty();
        });
    }

    @Test
    void the_collection_date_is_read_from_the_header() {
        assertThat(LabReportText.read("Patient: Anna Example Collected: 2026-03-01\nHbA1c: 5.4 % (4.0-5.6)").collectedOn())
                .isEqualTo(Optional.of(LocalDate.of(2026, 3, 1)));
    }

    @Test
    void the_terminology_covers_the_usual_panels_under_the_names_labs_print() {
        assertThat(Terminology.codeFor("Haemoglobin", "", true)).contains(new LoincCode("718-7"));
        assertThat(Terminology.codeFor("Hematocrit", "", true)).contains(new LoincCode("4544-3"));
        assertThat(Terminology.codeFor("RBC", "", true)).contains(new LoincCode("789-8"));
        assertThat(Terminology.codeFor("MCV", "", true)).contains(new LoincCode("787-2"));
        assertThat(Terminology.codeFor("MCH", "", true)).contains(new LoincCode("785-6"));
        assertThat(Terminology.codeFor("MCHC", "", true)).contains(new LoincCode("786-4"));
        assertThat(Terminology.codeFor("Chloride", "", true)).contains(new LoincCode("2075-0"));
        assertThat(Terminology.codeFor("CO2", "", true)).contains(new LoincCode("2028-9"));
        assertThat(Terminology.codeFor("BUN", "", true)).contains(new LoincCode("3094-0"));
        assertThat(Terminology.codeFor("Calcium", "", true)).contains(new LoincCode("17861-6"));
        assertThat(Terminology.codeFor("Albumin", "", true)).contains(new LoincCode("1751-7"));
        assertThat(Terminology.codeFor("Total protein", "", true)).contains(new LoincCode("2885-2"));
        assertThat(Terminology.codeFor("ALT", "", true)).contains(new LoincCode("1742-6"));
        assertThat(Terminology.codeFor("AST", "", true)).contains(new LoincCode("1920-8"));
        assertThat(Terminology.codeFor("Alkaline phosphatase", "", true)).contains(new LoincCode("6768-6"));
        assertThat(Terminology.codeFor("Bilirubin, total", "", true)).contains(new LoincCode("1975-2"));
        assertThat(Terminology.codeFor("HDL cholesterol", "", true)).contains(new LoincCode("2085-9"));
        assertThat(Terminology.codeFor("LDL", "", true)).contains(new LoincCode("13457-7"));
        assertThat(Terminology.codeFor("Triglycerides", "", true)).contains(new LoincCode("2571-8"));
        assertThat(Terminology.codeFor("Hemoglobin A1c", "", true)).contains(new LoincCode("4548-4"));
    }

    @Test
    void a_letter_has_no_values() {
        assertThat(LabReportText.read("Dear patient,\nyour results will follow by mail.").values()).isEmpty();
    }
}
