package org.medicore.patient.application.service;

import org.junit.jupiter.api.Test;
import org.medicore.patient.application.port.in.AccessDenied;
import org.medicore.patient.application.port.in.AddHistoryEntryCommand;
import org.medicore.patient.application.port.in.AttachLabResultCommand;
import org.medicore.patient.application.port.in.HistoryEntryAddition;
import org.medicore.patient.application.port.in.HistoryListing;
import org.medicore.patient.application.port.in.LabResultAttachment;
import org.medicore.patient.application.port.in.LabResultListing;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.application.port.in.PatientNotFound;
import org.medicore.patient.application.port.in.RegistrationResult;
import org.medicore.patient.domain.Actor;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;
import org.medicore.patient.domain.Role;

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
        HistoryEntry entry = added(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, anAllergy(), Optional.empty())));

        assertThat(entry.author()).isEqualTo(new Actor("doctor", Role.DOCTOR, "Dr. Jana Novak"));
        assertThat(entry.recordedAt()).isEqualTo(NOW);
        assertThat(entry.kind()).isEqualTo(HistoryKind.ALLERGY);
    }

    @Test
    void a_correction_hides_the_old_entry_unless_superseded_ones_are_asked_for() {
        HistoryEntry allergy = added(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, anAllergy(), Optional.empty())));
        HistoryEntry correction = added(clinicalRecords.add(DOCTOR,
                new AddHistoryEntryCommand(annas, aNote("entered in error"), Optional.of(allergy.id()))));

        assertThat(history(ANNA, false)).extracting(r -> r.entry().id()).containsExactly(correction.id());
        assertThat(history(ANNA, true)).containsExactly(
                new RecordedEntry(allergy, Optional.of(correction.id())), new RecordedEntry(correction, Optional.empty()));
    }

    @Test
    void should_refuse_a_second_correction_of_the_same_entry_and_one_of_an_unknown_entry() {
        HistoryEntry allergy = added(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, anAllergy(), Optional.empty())));
        clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, aNote("first correction"), Optional.of(allergy.id())));
        UUID unknown = UUID.randomUUID();

        assertThat(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, aNote("second"), Optional.of(allergy.id()))))
                .isEqualTo(new HistoryEntryAddition.CorrectionRefused(HistoryEntry.Correction.Rule.ALREADY_SUPERSEDED, allergy.id()));
        assertThat(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(annas, aNote("third"), Optional.of(unknown))))
                .isEqualTo(new HistoryEntryAddition.SupersededEntryNotFound(unknown));
        assertThat(clinical.entries).hasSize(2);
    }

    @Test
    void only_doctors_and_admins_add_history_and_billing_staff_never_read_it() {
        assertThat(clinicalRecords.add(ANNA, new AddHistoryEntryCommand(annas, aNote("I feel fine"), Optional.empty())))
                .isInstanceOf(AccessDenied.class);
        assertThat(clinicalRecords.add(BILLING, new AddHistoryEntryCommand(annas, aNote("billed"), Optional.empty())))
                .isInstanceOf(AccessDenied.class);
        assertThat(clinicalRecords.list(BILLING, historyQuery(false))).isInstanceOf(AccessDenied.class);
        assertThat(clinical.entries).isEmpty();
    }

    @Test
    void a_repeated_attachment_returns_the_first_result_and_stores_nothing_new() {
        LabResult first = attached(clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement())));

        LabResult repeat = attached(clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement())));

        assertThat(repeat).isEqualTo(first);
        assertThat(clinical.resultsByKey).hasSize(1);
    }

    @Test
    void should_refuse_a_reused_idempotency_key_for_a_different_result() {
        clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement()));

        assertThat(clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().value("14.1").measurement())))
                .isEqualTo(new LabResultAttachment.IdempotencyKeyReused("report-1:0"));
        assertThat(clinical.resultsByKey.get("report-1:0").measurement().value()).isEqualTo("13.2");
    }

    @Test
    void a_patient_reads_their_own_lab_results_but_attaches_none_and_billing_sees_none() {
        clinicalRecords.attach(DOCTOR, new AttachLabResultCommand("report-1:0", annas, aMeasurement().measurement()));
        ListLabResultsQuery all = new ListLabResultsQuery(annas, "", new PageRequest(0, ""));

        assertThat(clinicalRecords.list(ANNA, all)).isInstanceOfSatisfying(LabResultListing.Listed.class,
                listed -> assertThat(listed.page().items()).hasSize(1));
        assertThat(clinicalRecords.attach(ANNA, new AttachLabResultCommand("mine", annas, aMeasurement().measurement())))
                .isInstanceOf(AccessDenied.class);
        assertThat(clinicalRecords.list(BILLING, all)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void clinical_data_of_an_unknown_patient_is_not_found() {
        PatientId unknown = PatientId.random();

        assertThat(clinicalRecords.add(DOCTOR, new AddHistoryEntryCommand(unknown, anAllergy(), Optional.empty())))
                .isEqualTo(new PatientNotFound(unknown));
        assertThat(clinicalRecords.list(DOCTOR, new ListLabResultsQuery(unknown, "", new PageRequest(0, ""))))
                .isEqualTo(new PatientNotFound(unknown));
    }

    private PatientId registerAnna() {
        return ((RegistrationResult.Registered) records.register(DOCTOR, aPatient().ownedBy("anna").registration())).patient().id();
    }

    private ListHistoryQuery historyQuery(boolean includeSuperseded) {
        return new ListHistoryQuery(annas, Set.of(), includeSuperseded, false, new PageRequest(0, ""));
    }

    private List<RecordedEntry> history(Caller caller, boolean includeSuperseded) {
        return ((HistoryListing.Listed) clinicalRecords.list(caller, historyQuery(includeSuperseded))).page().items();
    }

    private static HistoryEntry added(HistoryEntryAddition addition) {
        return ((HistoryEntryAddition.Added) addition).entry();
    }

    private static LabResult attached(LabResultAttachment attachment) {
        return ((LabResultAttachment.Attached) attachment).result();
    }
}
