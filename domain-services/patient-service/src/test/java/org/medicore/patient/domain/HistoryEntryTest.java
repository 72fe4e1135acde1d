package org.medicore.patient.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.ClinicalFixtures.aNote;
import static org.medicore.patient.ClinicalFixtures.anAllergy;

class HistoryEntryTest {

    private static final Actor DOCTOR = new Actor("doctor-subject", Role.DOCTOR, "Dr. Jana Novak");
    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");

    private final PatientId anna = PatientId.random();
    private final RecordedEntry annasAllergy = new RecordedEntry(HistoryEntry.original(anna, anAllergy(), DOCTOR, NOW.minusSeconds(3600)),
            Optional.empty());

    @Test
    void a_correction_names_the_entry_it_supersedes_and_leaves_it_unchanged() {
        HistoryEntry.Correction correction = HistoryEntry.correct(annasAllergy, anna, aNote("not penicillin: amoxicillin"), DOCTOR, NOW);

        assertThat(correction).isInstanceOfSatisfying(HistoryEntry.Correction.Accepted.class, accepted -> {
            assertThat(accepted.entry().supersedes()).contains(annasAllergy.entry().id());
            assertThat(accepted.entry().id()).isNotEqualTo(annasAllergy.entry().id());
            assertThat(accepted.entry().recordedAt()).isEqualTo(NOW);
            assertThat(accepted.entry().kind()).isEqualTo(HistoryKind.NOTE);
        });
        assertThat(annasAllergy.isCurrent()).isTrue();
    }

    @Test
    void should_refuse_to_correct_another_patients_entry() {
        assertThat(HistoryEntry.correct(annasAllergy, PatientId.random(), anAllergy(), DOCTOR, NOW))
                .isEqualTo(new HistoryEntry.Correction.Refused(HistoryEntry.Correction.Rule.FOREIGN_ENTRY, annasAllergy.entry().id()));
    }

    @Test
    void should_refuse_to_correct_an_entry_that_was_already_corrected() {
        RecordedEntry corrected = new RecordedEntry(annasAllergy.entry(), Optional.of(UUID.randomUUID()));

        assertThat(HistoryEntry.correct(corrected, anna, anAllergy(), DOCTOR, NOW))
                .isEqualTo(new HistoryEntry.Correction.Refused(HistoryEntry.Correction.Rule.ALREADY_SUPERSEDED, corrected.entry().id()));
    }

    @Test
    void an_allergy_needs_a_substance_and_an_assessed_severity() {
        assertThatThrownBy(() -> new ClinicalDetail.Allergy(" ", "", "", ClinicalDetail.AllergySeverity.UNSPECIFIED))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("allergy.substance", "allergy.severity"));
    }

    @Test
    void a_medication_cannot_end_before_it_started_and_a_note_has_at_most_10000_characters() {
        assertThatThrownBy(() -> new ClinicalDetail.Medication("Metformin 500 mg", "", "", Optional.of(LocalDate.of(2026, 3, 1)),
                Optional.of(LocalDate.of(2026, 2, 1))))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("medication.end_date"));
        assertThatThrownBy(() -> aNote("x".repeat(ClinicalDetail.Note.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("note.text"));
    }

    @Test
    void a_condition_may_have_begun_in_a_known_month_or_year_but_not_on_an_impossible_day() {
        assertThat(PartialDate.of("condition.onset_date", 2019, 0, 0)).isEqualTo(new PartialDate(2019, 0, 0));
        assertThat(PartialDate.of("condition.onset_date", 2019, 4, 0)).isEqualTo(new PartialDate(2019, 4, 0));
        assertThatThrownBy(() -> PartialDate.of("condition.onset_date", 2019, 2, 30)).isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> PartialDate.of("condition.onset_date", 2019, 0, 12)).isInstanceOf(InvalidFieldsException.class);
    }
}
