package org.medicore.patient.adapter.out.dynamodb;

import org.junit.jupiter.api.Test;
import org.medicore.patient.RealComponentsTest;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.application.port.out.AppendOutcome;
import org.medicore.patient.application.port.out.HistoryOwner;
import org.medicore.patient.application.port.out.LabResultSaveOutcome;
import org.medicore.patient.domain.Actor;
import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.PartialDate;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;
import org.medicore.patient.domain.Role;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.ClinicalFixtures.aMeasurement;
import static org.medicore.patient.ClinicalFixtures.aNote;
import static org.medicore.patient.ClinicalFixtures.anAllergy;
import static org.medicore.patient.PatientFixtures.aPatient;

/** The clinical items against DynamoDB Local: the conditions that keep history append-only and attachments idempotent. */
class DynamoDbClinicalStoreTest extends RealComponentsTest {

    private static final Actor DOCTOR = new Actor("doctor-subject", Role.DOCTOR, "Dr. Jana Novak");

    @Autowired
    private DynamoDbClinicalStore store;
    @Autowired
    private DynamoDbPatientStore patients;

    @Test
    void of_two_racing_corrections_of_one_entry_only_the_first_is_stored() {
        PatientId patient = registered();
        Instant now = Instant.now();
        HistoryEntry allergy = HistoryEntry.original(patient, anAllergy(), DOCTOR, now);
        store.append(allergy);
        RecordedEntry readByBoth = store.findEntry(allergy.id()).orElseThrow();
        HistoryEntry first = accepted(HistoryEntry.correct(readByBoth, patient, aNote("first"), DOCTOR, now.plusMillis(1)));
        HistoryEntry second = accepted(HistoryEntry.correct(readByBoth, patient, aNote("second"), DOCTOR, now.plusMillis(2)));

        assertThat(store.append(first)).isEqualTo(new AppendOutcome.Appended());
        assertThat(store.append(second)).isEqualTo(new AppendOutcome.AlreadySuperseded(first.id()));

        assertThat(store.findEntry(second.id())).isEmpty();
        assertThat(store.findEntry(allergy.id())).contains(new RecordedEntry(allergy, Optional.of(first.id())));
        HistoryOwner owner = store.owner(patient).orElseThrow();
        assertThat(owner.corrections()).containsExactly(Map.entry(allergy.id(), first.id()));
        assertThat(store.page(new ListHistoryQuery(patient, Set.of(), true, false, new PageRequest(0, "")), owner).items())
                .extracting(r -> r.entry().id()).containsExactly(allergy.id(), first.id());
    }

    @Test
    void the_owner_of_a_history_is_read_with_its_corrections_and_nothing_else_of_the_partition() {
        PatientId patient = registered();
        Instant now = Instant.now();
        HistoryEntry note = HistoryEntry.original(patient, aNote("before"), DOCTOR, now);
        store.append(note);
        HistoryEntry correction = accepted(HistoryEntry.correct(store.findEntry(note.id()).orElseThrow(), patient,
                aNote("after"), DOCTOR, now.plusMillis(1)));
        store.append(correction);
        store.save(UUID.randomUUID().toString(), LabResult.attach(patient, aMeasurement().measurement(), now));

        HistoryOwner owner = store.owner(patient).orElseThrow();

        assertThat(owner.patient()).isEqualTo(patients.load(patient).orElseThrow());
        assertThat(owner.corrections()).containsExactly(Map.entry(note.id(), correction.id()));
        assertThat(store.owner(PatientId.random())).isEmpty();
    }

    private PatientId registered() {
        Patient.Registration registration = Patient.register(PatientId.random(),
                aPatient().named("History", uniqueFamilyName("Owner")).demographics(), Optional.empty(), "", Instant.now());
        patients.insert(registration.patient(), registration.event());
        return registration.patient().id();
    }

    @Test
    void every_kind_of_detail_reads_back_as_it_was_written() {
        PatientId patient = PatientId.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (ClinicalDetail detail : java.util.List.of(
                new ClinicalDetail.Condition("Type 2 diabetes mellitus", "E11.9", "http://hl7.org/fhir/sid/icd-10",
                        ClinicalDetail.ConditionStatus.ACTIVE, Optional.of(new PartialDate(2019, 4, 0))),
                anAllergy(),
                new ClinicalDetail.Medication("Metformin 500 mg tablet", "A10BA02", "1 tablet twice daily",
                        Optional.of(LocalDate.of(2019, 5, 1)), Optional.empty()),
                aNote("Patient reports fewer headaches."))) {
            HistoryEntry entry = HistoryEntry.original(patient, detail, DOCTOR, now);
            store.append(entry);

            assertThat(store.findEntry(entry.id())).contains(new RecordedEntry(entry, Optional.empty()));
        }
    }

    @Test
    void a_taken_idempotency_key_answers_the_stored_result_and_writes_nothing() {
        PatientId patient = PatientId.random();
        String key = UUID.randomUUID() + ":3";
        LabResult first = LabResult.attach(patient, aMeasurement().measurement(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        LabResult second = LabResult.attach(patient, aMeasurement().measurement(), Instant.now());

        assertThat(store.save(key, first)).isEqualTo(new LabResultSaveOutcome.Saved());
        assertThat(store.save(key, second)).isEqualTo(new LabResultSaveOutcome.KeyTaken(first));
        assertThat(store.page(new org.medicore.patient.application.port.in.ListLabResultsQuery(patient, "", new PageRequest(0, "")))
                .items()).containsExactly(first);
    }

    private static HistoryEntry accepted(HistoryEntry.Correction correction) {
        return ((HistoryEntry.Correction.Accepted) correction).entry();
    }
}
