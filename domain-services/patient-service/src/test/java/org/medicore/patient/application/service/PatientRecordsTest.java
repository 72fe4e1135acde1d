package org.medicore.patient.application.service;

import org.junit.jupiter.api.Test;
import org.medicore.patient.application.port.in.BatchGetPatientsQuery;
import org.medicore.patient.application.port.in.BatchLookup;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.in.UpdateDemographicsCommand;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.DemographicsEdit;
import org.medicore.patient.domain.InvalidFieldsException;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientContactChanged;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PatientRegistered;
import org.medicore.patient.domain.PreferredLanguage;
import org.medicore.patient.domain.Role;
import org.medicore.patient.domain.Sex;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.PatientFixtures.aPatient;

class PatientRecordsTest {

    private static final Caller DOCTOR = new Caller("doctor", Set.of(Role.DOCTOR));
    private static final Caller BILLING = new Caller("billing", Set.of(Role.BILLING));
    private static final Caller ANNA = new Caller("anna", Set.of(Role.PATIENT));

    private final InMemoryPatientStore store = new InMemoryPatientStore();
    private final PatientRecords records = new PatientRecords(store, store, store,
            Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void registers_a_patient_at_version_1_and_puts_the_event_in_the_outbox() {
        Patient registered = registered(records.register(DOCTOR, aPatient().registration()));

        assertThat(registered.version()).isEqualTo(1);
        assertThat(registered.createdAt()).isEqualTo(Instant.parse("2026-05-01T09:00:00Z"));
        assertThat(store.outbox).singleElement().isInstanceOfSatisfying(PatientRegistered.class, event -> {
            assertThat(event.patientId()).isEqualTo(registered.id());
            assertThat(event.registeredAtClinicId()).isEqualTo("clinic-berlin");
        });
    }

    @Test
    void refuses_a_duplicate_naming_the_existing_patient() {
        var anna = aPatient().named("Anna", "Schmidt");
        Patient first = registered(records.register(DOCTOR, anna.registration()));

        Outcome<Patient> second = records.register(DOCTOR, aPatient().named("anna", "SCHMIDT").withEmail(anna.email()).registration());

        assertThat(second).isEqualTo(PatientRefusals.duplicate(first.id()));
        assertThat(refusal(second)).isInstanceOfSatisfying(Refusal.AlreadyExists.class,
                exists -> assertThat(exists.existingId()).isEqualTo(first.id().value()));
        assertThat(store.patients).hasSize(1);
        assertThat(store.outbox).hasSize(1);
    }

    @Test
    void a_date_of_birth_after_today_is_an_invalid_request_naming_the_field_and_stores_nothing() {
        Outcome<Patient> unborn = records.register(DOCTOR, aPatient().bornOn(LocalDate.of(2026, 5, 2)).registration());

        assertThat(unborn).isEqualTo(Outcome.refused(Refusal.Invalid.of("date_of_birth", "must not be in the future")));
        assertThat(store.patients).isEmpty();
    }

    @Test
    void links_a_self_registering_patient_to_their_own_account() {
        Patient own = registered(records.register(ANNA, aPatient().registration()));

        assertThat(own.keycloakSubject()).contains("anna");
        assertThat(refusal(records.register(ANNA, aPatient().ownedBy("someone-else").registration()))).isInstanceOf(Refusal.Denied.class);
    }

    @Test
    void a_repeated_registration_for_the_same_account_answers_with_the_stored_record_and_a_different_one_is_refused() {
        var anna = aPatient().ownedBy("anna-account");
        Patient first = registered(records.register(DOCTOR, anna.registration()));

        Outcome<Patient> repeated = records.register(DOCTOR, anna.registration());
        Outcome<Patient> someoneElse = records.register(DOCTOR, aPatient().named("Berta", "Meier").ownedBy("anna-account")
                .registration());

        assertThat(repeated).isEqualTo(Outcome.done(first));
        assertThat(someoneElse).isEqualTo(PatientRefusals.accountLinked(first.id()));
        assertThat(store.outbox).hasSize(1);
    }

    @Test
    void billing_staff_cannot_register_patients() {
        assertThat(refusal(records.register(BILLING, aPatient().registration()))).isInstanceOf(Refusal.Denied.class);
        assertThat(store.patients).isEmpty();
    }

    @Test
    void a_patient_gets_their_own_record_but_not_another_ones_and_nobody_an_unknown_one() {
        Patient annas = registered(records.register(DOCTOR, aPatient().ownedBy("anna").registration()));
        Patient bobs = registered(records.register(DOCTOR, aPatient().named("Bob", "Meier").ownedBy("bob").registration()));

        assertThat(records.get(ANNA, annas.id())).isEqualTo(Outcome.done(annas));
        assertThat(records.get(ANNA, bobs.id())).isEqualTo(PatientRefusals.denied());
        assertThat(records.get(BILLING, bobs.id())).isEqualTo(Outcome.done(bobs));
        PatientId unknown = PatientId.random();
        assertThat(records.get(BILLING, unknown)).isEqualTo(Outcome.refused(new Refusal.NotFound(PatientRefusals.PATIENT_TYPE, unknown.value())));
    }

    @Test
    void batch_get_keeps_the_requested_order_and_hides_unknown_and_invisible_patients_alike() {
        Patient annas = registered(records.register(DOCTOR, aPatient().ownedBy("anna").registration()));
        Patient bobs = registered(records.register(DOCTOR, aPatient().named("Bob", "Meier").registration()));
        PatientId unknown = PatientId.random();

        BatchLookup lookup = done(records.getAll(ANNA, new BatchGetPatientsQuery(List.of(unknown, bobs.id(), annas.id(), annas.id()))));

        assertThat(lookup.found()).extracting(Patient::id).containsExactly(annas.id());
        assertThat(lookup.missing()).containsExactly(unknown, bobs.id());
    }

    @Test
    void a_patient_searching_finds_only_their_own_record() {
        registered(records.register(DOCTOR, aPatient().named("Anna", "Schmidt").ownedBy("anna").registration()));
        registered(records.register(DOCTOR, aPatient().named("Berta", "Schmidt").registration()));
        SearchPatientsQuery schmidts = new SearchPatientsQuery("Schm", "", Optional.empty(), 0, "");

        assertThat(done(records.search(ANNA, schmidts)).patients()).extracting(p -> p.demographics().name().given()).containsExactly("Anna");
        assertThat(done(records.search(DOCTOR, schmidts)).patients()).hasSize(2);
    }

    @Test
    void a_stale_version_changes_nothing() {
        Patient anna = registered(records.register(DOCTOR, aPatient().registration()));
        records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 1, List.of(new DemographicsEdit.SetSex(Sex.OTHER))));

        Outcome<Patient> stale = records.update(DOCTOR,
                new UpdateDemographicsCommand(anna.id(), 1, List.of(new DemographicsEdit.SetSex(Sex.MALE))));

        assertThat(stale).isEqualTo(Outcome.refused(new Refusal.Stale(2)));
        assertThat(store.patients.get(anna.id()).demographics().sex()).isEqualTo(Sex.OTHER);
    }

    @Test
    void a_new_email_or_phone_is_announced_once_per_change_and_nothing_else_is() {
        Patient anna = registered(records.register(DOCTOR, aPatient().withEmail("anna@example.org").registration()));
        store.outbox.clear();

        Patient v2 = updated(records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 1, List.of(
                new DemographicsEdit.SetSex(Sex.OTHER), new DemographicsEdit.SetCity("Potsdam")))));
        Patient v3 = updated(records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 2, List.of(
                new DemographicsEdit.SetEmail(" ANNA@example.org ")))));
        assertThat(store.outbox).as("the same address, written differently, and changes nobody sends to").isEmpty();

        updated(records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 3, List.of(
                new DemographicsEdit.SetEmail("anna.new@example.org")))));
        updated(records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 4, List.of(
                new DemographicsEdit.SetPhone("+4930555123"), new DemographicsEdit.SetGivenName("Annette")))));
        records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 4, List.of(new DemographicsEdit.SetPhone("+4930555999"))));

        assertThat(v2.demographics().contact().email()).isEqualTo(v3.demographics().contact().email());
        assertThat(store.outbox).as("a new e-mail, a new phone; the stale change none").hasSize(2)
                .allSatisfy(event -> {
                    assertThat(event).isInstanceOf(PatientContactChanged.class);
                    assertThat(event.patientId()).isEqualTo(anna.id());
                    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-05-01T09:00:00Z"));
                })
                .extracting(PatientEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void a_new_preferred_language_is_announced_as_a_contact_change_but_the_same_one_written_differently_is_not() {
        Patient anna = registered(records.register(DOCTOR, aPatient().speaking("en").registration()));
        store.outbox.clear();

        updated(records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 1, List.of(
                new DemographicsEdit.SetPreferredLanguage(new PreferredLanguage("EN-us"))))));
        assertThat(store.outbox).as("still English").isEmpty();

        Patient german = updated(records.update(DOCTOR, new UpdateDemographicsCommand(anna.id(), 2, List.of(
                new DemographicsEdit.SetPreferredLanguage(new PreferredLanguage("de"))))));

        assertThat(german.demographics().preferredLanguage().tag()).isEqualTo("de");
        assertThat(store.outbox).singleElement().isInstanceOf(PatientContactChanged.class);
    }

    @Test
    void billing_staff_cannot_change_demographics() {
        Patient anna = registered(records.register(DOCTOR, aPatient().registration()));

        assertThat(records.update(BILLING, new UpdateDemographicsCommand(anna.id(), 1, List.of(new DemographicsEdit.SetSex(Sex.MALE)))))
                .isEqualTo(PatientRefusals.denied());
    }

    @Test
    void a_search_needs_a_name_prefix_of_2_to_200_characters_or_a_date_of_birth() {
        assertThatThrownBy(() -> new SearchPatientsQuery("", "", Optional.empty(), 0, "")).isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> new SearchPatientsQuery("S", "", Optional.empty(), 0, "")).isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> new SearchPatientsQuery("x".repeat(201), "", Optional.empty(), 0, ""))
                .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("family_name_prefix");
        assertThatThrownBy(() -> new SearchPatientsQuery("Schm", "y".repeat(201), Optional.empty(), 0, ""))
                .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("given_name_prefix");
        assertThat(new SearchPatientsQuery("", "", Optional.of(LocalDate.of(1980, 1, 1)), 500, "").pageSize()).isEqualTo(100);
    }

    private static Patient updated(Outcome<Patient> result) {
        return done(result);
    }

    private static Patient registered(Outcome<Patient> result) {
        return done(result);
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) outcome).value();
    }

    private static Refusal refusal(Outcome<?> outcome) {
        return ((Outcome.Refused<?>) outcome).refusal();
    }
}
