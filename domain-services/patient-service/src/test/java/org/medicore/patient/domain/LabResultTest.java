package org.medicore.patient.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.ClinicalFixtures.aMeasurement;

class LabResultTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void names_every_invalid_field_of_a_measurement() {
        assertThatThrownBy(() -> new LabMeasurement("", "", "http://loinc.org", " ", Optional.of(Double.NaN), "",
                Optional.of(new ReferenceRange(Optional.of(15.0), Optional.of(12.0), "")), AbnormalFlag.HIGH, "report-7", null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder("result.test_name", "result.value",
                                "result.code_system", "result.numeric_value", "result.source_report_id",
                                "result.reference_range.text", "result.reference_range.low", "result.observed_at"));
    }

    @Test
    void should_refuse_a_value_observed_in_the_future_but_allow_for_some_clock_skew() {
        PatientId patient = PatientId.random();

        assertThat(LabResult.attach(patient, aMeasurement().observedAt(NOW.plusSeconds(60)).measurement(), NOW).recordedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> LabResult.attach(patient, aMeasurement().observedAt(NOW.plusSeconds(3600)).measurement(), NOW))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("result.observed_at"));
    }

    @Test
    void a_repeat_is_the_same_measurement_for_the_same_patient() {
        PatientId patient = PatientId.random();
        LabResult stored = LabResult.attach(patient, aMeasurement().measurement(), NOW);

        assertThat(stored.isRepeatOf(patient, aMeasurement().measurement())).isTrue();
        assertThat(stored.isRepeatOf(patient, aMeasurement().value("14.1").measurement())).isFalse();
        assertThat(stored.isRepeatOf(PatientId.random(), aMeasurement().measurement())).isFalse();
    }
}
