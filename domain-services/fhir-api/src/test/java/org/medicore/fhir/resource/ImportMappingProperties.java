package org.medicore.fhir.resource;

import com.google.type.Date;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.patient.v1.Condition;
import org.medicore.contracts.patient.v1.ConditionStatus;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.fhir.support.Clinic;
import org.medicore.fhir.support.R4CoreValidator;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import reads back what the export writes, for values nobody types in a fixture: names in any
 * script, extreme dates (year 1 to 9999), partial onsets, numbers from tiny to huge. Each FHIR resource
 * on the way is valid R4. Kept to 25 tries each: the validator is the cost.
 */
class ImportMappingProperties {

    @Property(tries = 25)
    void a_patients_demographics_come_back_from_their_fhir_patient(@ForAll("names") String given, @ForAll("names") String family,
                                                                   @ForAll("days") LocalDate born, @ForAll Sex sex) {
        org.medicore.contracts.patient.v1.Patient record = Clinic.aPatient(Clinic.ALICE, given, family)
                .setDateOfBirth(Date.newBuilder().setYear(born.getYear()).setMonth(born.getMonthValue()).setDay(born.getDayOfMonth()))
                .setSex(sex == Sex.UNRECOGNIZED ? Sex.SEX_UNSPECIFIED : sex)
                .setContact(ContactDetails.newBuilder().setEmail("someone@example.org")).build();

        Patient exported = PatientResources.of(record);

        R4CoreValidator.assertNoErrors(exported);
        var imported = PatientRequests.registration(exported);
        assertThat(imported.getName()).isEqualTo(record.getName());
        assertThat(imported.getDateOfBirth()).isEqualTo(record.getDateOfBirth());
        assertThat(imported.getSex()).isEqualTo(record.getSex());
    }

    @Property(tries = 25)
    void a_condition_comes_back_from_its_fhir_condition_with_its_onset_as_far_as_known(
            @ForAll("names") String display, @ForAll("partialDays") Date onset, @ForAll ConditionStatus status) {
        Condition condition = Condition.newBuilder().setDisplay(display).setCode("E11.9").setCodeSystem("http://hl7.org/fhir/sid/icd-10")
                .setStatus(status == ConditionStatus.UNRECOGNIZED ? ConditionStatus.ACTIVE : status).setOnsetDate(onset).build();
        HistoryEntry entry = HistoryEntry.newBuilder().setId("6f7a8b9c-0d1e-4f2a-3b4c-5d6e7f8a9b0c").setPatientId(Clinic.ALICE)
                .setKind(HistoryEntryKind.CONDITION).setCondition(condition).build();

        org.hl7.fhir.r4.model.Condition exported = (org.hl7.fhir.r4.model.Condition) HistoryResources.of(entry).orElseThrow();

        R4CoreValidator.assertNoErrors(exported);
        assertThat(HistoryRequests.condition(exported)).isEqualTo(condition);
    }

    @Property(tries = 25)
    void a_lab_result_comes_back_from_its_observation_observed_any_time_with_any_number(
            @ForAll("observed") Instant observed, @ForAll("measures") double value, @ForAll AbnormalFlag flag) {
        LabResult result = Clinic.haemoglobin().clearId().clearPatientId().clearRecordedAt().clearSourceReportId().clearPrintedUnit()
                .setObservedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(observed.getEpochSecond()))
                .setNumericValue(value).setAbnormalFlag(flag == AbnormalFlag.UNRECOGNIZED ? AbnormalFlag.NORMAL : flag).build();

        Observation exported = LabResultObservations.of(result.toBuilder().setId("0f6a3c2e-1b4d-4e8f-9a0b-1c2d3e4f5a60")
                .setPatientId(Clinic.ALICE).build());

        R4CoreValidator.assertNoErrors(exported);
        LabResult imported = LabResultRequests.result(exported);
        assertThat(imported.getNumericValue()).isEqualTo(value);
        assertThat(imported.toBuilder().clearValue().build()).isEqualTo(result.toBuilder().clearValue().build());
        assertThat(Double.parseDouble(imported.getValue())).isEqualTo(value);
    }

    /**
     * Names as people have them: Latin with diacritics, Greek, Cyrillic, Arabic, Devanagari, CJK, beyond the BMP; and
     * with control characters inside, as patient-service keeps them (it refuses none; it strips the ends), which FHIR's
     * JSON carries (the validator warns that XML could not).
     */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'z').withCharRange('\u00C0', '\u017F').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0391', '\u03C9').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0410', '\u044F').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0627', '\u064A').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0905', '\u0939').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u4E00', '\u9FFF').ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("\uD835\uDC9C\uD835\uDCB7", "\uD83D\uDE00", "O'Brien-Smith", "van der Berg"));
        Arbitrary<String> between = Arbitraries.oneOf(Arbitraries.just(" "),
                Arbitraries.strings().withCharRange('\u0000', '\u001F').withChars('\u007F', '\u0085').ofMinLength(1).ofMaxLength(2));
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(3), between)
                .as((words, separator) -> String.join(separator, words).strip()).filter(name -> !name.isEmpty());
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay).edgeCases(edges -> edges.add(LocalDate.of(1, 1, 1)).add(LocalDate.of(9999, 12, 31))
                        .add(LocalDate.of(2000, 2, 29)));
    }

    /** A day, a month or a year, as a history keeps an onset it knows only so far. */
    @Provide
    Arbitrary<Date> partialDays() {
        return Combinators.combine(days(), Arbitraries.integers().between(0, 2)).as((day, known) -> {
            Date.Builder date = Date.newBuilder().setYear(day.getYear());
            if (known > 0) {
                date.setMonth(day.getMonthValue());
            }
            if (known > 1) {
                date.setDay(day.getDayOfMonth());
            }
            return date.build();
        });
    }

    /** From 1900 (the earliest patient-service keeps) to the last second FHIR's dateTime can say. */
    @Provide
    Arbitrary<Instant> observed() {
        return Arbitraries.longs().between(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Double> measures() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6).ofScale(3),
                Arbitraries.of(0.0, 1e-12, 6.02214076e23, 1.7e308, -4.9e-324, 0.1, 16.1));
    }
}
