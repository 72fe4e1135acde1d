package org.medicore.patient.application.service;

import org.junit.jupiter.api.Test;
import org.medicore.patient.application.port.in.AddHistoryEntryCommand;
import org.medicore.patient.application.port.in.AttachLabResultCommand;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.domain.Actor;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;
import org.medicore.patient.domain.Role;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.ClinicalFixtures.aMeasurement;
import static org.medicore.patient.ClinicalFixtures.aNote;
import static org.medicore.patient.ClinicalFixtures.anAllergy;
import static org.medicore.patient.PatientFixtures.aPatient;

class ClinicalRecordsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final Caller DOCTOR = new Caller("doctor", Set.of(Role.DOCTOR), "Dr. Jana Novak");
    private static final Caller BILLING = new Caller("billing", Set.of(Role.BILLING));
    private static final Caller ANNA = new Caller("anna", Set.of(Role.PATIENT));

    private final InMemoryPatientStore patients = new InMemoryPatientStore();
    private final InMemoryClinicalStore clinical = new InMemoryClinicalStore(patients);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final PatientRecords records = new PatientRecords(patients, patients, patients, clock);
    private final ClinicalRecords clinicalRecords = new ClinicalRecords(patients, clinical, clinical, clinical, clinical, clock);

    private final PatientId annas = registerAnna();

    @Test
    void records_the_doctor_as_author_at_the_time_of_the_clock() {
        HistoryEntry entry = done(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, anAllergy(), Optional.empty())));

        assertThat(entry.author()).isEqualTo(new Actor("doctor", Role.DOCTOR, "Dr. Jana Novak"));
        assertThat(entry.recordedAt()).isEqualTo(NOW);
        assertThat(entry.kind()).isEqualTo(HistoryKind.ALLERGY);
    }

    @Test
    void a_correction_hides_the_old_entry_unless_superseded_ones_are_asked_for() {
        HistoryEntry allergy = done(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, anAllergy(), Optional.empty())));
        HistoryEntry correction = done(clinicalRecords.add(DOCTOR,
                new AddHistoryEntryCommand(annas, aNote("entered in error"), Optional.of(allergy.id()))));

        assertThat(history(ANNA, false)).extracting(r -> r.entry().id()).containsExactly(correction.id());
        assertThat(history(ANNA, true)).containsExactly(
                new RecordedEntry(allergy, Optional.of(correction.id())), new RecordedEntry(correction, Optional.empty()));
    }

    @Test
    void should_refuse_a_second_correction_of_the_same_entry_and_one_of_an_unknown_entry() {
        HistoryEntry allergy = done(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, anAllergy(), Optional.empty())));
        clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, aNote("first correction"), Optional.of(allergy.id())));
        UUID unknown = UUID.randomUUID();

        assertThat(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, aNote("second"), Optional.of(allergy.id()))))
                .isEqualTo(Outcome.refused(new Refusal.Forbidden("ALREADY_SUPERSEDED", allergy.id().toString(),
                        "the superseded entry was already corrected; correct the current entry")));
        assertThat(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, aNote("third"), Optional.of(unknown))))
                .isEqualTo(Outcome.refused(new Refusal.NotFound(PatientRefusals.HISTORY_ENTRY_TYPE, unknown.toString())));
        assertThat(clinical.entries).hasSize(2);
    }

    @Test
    void only_doctors_and_admins_add_history_and_billing_staff_never_read_it() {
        assertThat(clinicalRecords.add(ANNA, new AddHistoryEntryCommand(annas, aNote("I feel fine"), Optional.empty())))
                .isEqualTo(PatientRefusals.denied());
        assertThat(clinicalRecords.add(BILLING, new AddHistoryEntryCommand(annas, aNote("billed"), Optional.empty())))
                .isEqualTo(PatientRefusals.denied());
        assertThat(clinicalRecords.list(BILLING, historyQuery(false))).isEqualTo(PatientRefusals.denied());
        assertThat(clinical.entries).isEmpty();
    }

    @Test
    void a_repeated_attachment_returns_the_first_result_and_stores_nothing_new() {
        LabResult first = done(clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement())));

        LabResult repeat = done(clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement())));

        assertThat(repeat).isEqualTo(first);
        assertThat(clinical.resultsByKey).hasSize(1);
    }

    @Test
    void should_refuse_a_reused_idempotency_key_for_a_different_result() {
        clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement()));

        assertThat(clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().value("14.1").measurement())))
                .isEqualTo(Outcome.refused(Refusal.Invalid.of("idempotency_key",
                        "was used before for a different result; a retry must repeat the request unchanged")));
        assertThat(clinical.resultsByKey.get("report-1:0").measurement().value()).isEqualTo("13.2");
    }

    @Test
    void a_patient_reads_their_own_lab_results_but_attaches_none_and_billing_sees_none() {
        clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement()));
        ListLabResultsQuery all = new ListLabResultsQuery(annas, "", new PageRequest(0, ""));

        assertThat(done(clinicalRecords.list(ANNA, all)).items()).hasSize(1);
        assertThat(clinicalRecords.attach(ANNA, new AttachLabResultCommand("mine", annas, aMeasurement().measurement())))
                .isEqualTo(PatientRefusals.denied());
        assertThat(clinicalRecords.list(BILLING, all)).isEqualTo(PatientRefusals.denied());
    }

    @Test
    void clinical_data_of_an_unknown_patient_is_not_found() {
        PatientId unknown = PatientId.random();

        assertThat(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(unknown, anAllergy(), Optional.empty())))
                .isEqualTo(PatientRefusals.unknownPatient(unknown));
        assertThat(clinicalRecords.list(DOCTOR, new ListLabResultsQuery(unknown, "", new PageRequest(0, ""))))
                .isEqualTo(PatientRefusals.unknownPatient(unknown));
    }

    private PatientId registerAnna() {
        return done(records.register(DOCTOR, aPatient().ownedBy("anna").registration())).id();
    }

    private ListHistoryQuery historyQuery(boolean includeSuperseded) {
        return new ListHistoryQuery(annas, Set.of(), includeSuperseded, false, new PageRequest(0, ""));
    }

    private List<RecordedEntry> history(Caller caller, boolean includeSuperseded) {
        return done(clinicalRecords.list(caller, historyQuery(includeSuperseded))).items();
    }

    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) outcome).value();
    }
}
