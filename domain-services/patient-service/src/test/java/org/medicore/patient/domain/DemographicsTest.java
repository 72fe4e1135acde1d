package org.medicore.patient.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.PatientFixtures.aPatient;

class DemographicsTest {

    @Test
    void names_every_invalid_field_at_once() {
        assertThatThrownBy(() -> new Demographics(new PersonName("", " "), null, Sex.MALE,
                new ContactDetails("not-an-email", "030 123", Optional.empty()), Optional.empty(), new PreferredLanguage("fr")))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("name.given", "name.family", "date_of_birth", "contact.email", "contact.phone",
                                "preferred_language"));
    }

    @Test
    void asks_for_an_email_or_a_phone_number() {
        assertThatThrownBy(() -> new Demographics(new PersonName("Anna", "Schmidt"), LocalDate.of(1990, 1, 1), Sex.FEMALE,
                new ContactDetails("", "", Optional.empty()), Optional.empty(), PreferredLanguage.NOT_CHOSEN))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("contact.email"));
    }

    @Test
    void refuses_a_patient_born_in_the_future() {
        Demographics unborn = aPatient().bornOn(LocalDate.of(2031, 1, 1)).demographics();

        assertThatThrownBy(() -> Patient.register(PatientId.random(), unborn, Optional.empty(), "", Instant.parse("2030-06-01T10:00:00Z")))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("date_of_birth"));
    }

    @Test
    void lower_cases_the_email_and_ignores_accents_and_case_in_the_duplicate_key() {
        Demographics one = aPatient().named("Zoë", "Müller").withEmail("Zoe@Example.org").demographics();
        Demographics other = aPatient().named("zoe", "MULLER").withEmail("zoe@example.org").demographics();

        assertThat(one.contact().email()).isEqualTo("zoe@example.org");
        assertThat(one.duplicateKey()).isPresent().isEqualTo(other.duplicateKey());
    }

    @Test
    void applies_several_edits_before_validating_so_the_email_can_move_to_the_phone() {
        Patient patient = registered(aPatient().demographics());

        DemographicsChange change = patient.changeDemographics(1, List.of(
                new DemographicsEdit.SetEmail(""), new DemographicsEdit.SetPhone("+4915112345678")), Instant.now());

        assertThat(change).isInstanceOfSatisfying(DemographicsChange.Changed.class, changed -> {
            assertThat(changed.patient().demographics().contact().email()).isEmpty();
            assertThat(changed.patient().version()).isEqualTo(2);
        });
    }

    @Test
    void refuses_a_change_based_on_a_stale_version_and_reports_the_current_one() {
        Patient patient = registered(aPatient().demographics());

        DemographicsChange change = patient.changeDemographics(7, List.of(new DemographicsEdit.SetSex(Sex.OTHER)), Instant.now());

        assertThat(change).isEqualTo(new DemographicsChange.StaleVersion(1));
    }

    private static Patient registered(Demographics demographics) {
        return Patient.register(PatientId.random(), demographics, Optional.empty(), "", Instant.now()).patient();
    }
}
