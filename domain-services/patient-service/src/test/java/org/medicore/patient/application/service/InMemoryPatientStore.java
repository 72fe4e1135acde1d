package org.medicore.patient.application.service;

import org.medicore.patient.application.port.in.PatientPage;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.SaveOutcome;
import org.medicore.patient.application.port.out.SavePatient;
import org.medicore.patient.application.port.out.SearchPatientRecords;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientContactChanged;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PatientRegistered;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store ports faked in memory, with the same uniqueness and version rules as the DynamoDB adapter. */
final class InMemoryPatientStore implements LoadPatient, SearchPatientRecords, SavePatient {

    final Map<PatientId, Patient> patients = new LinkedHashMap<>();
    final List<PatientEvent> outbox = new ArrayList<>();

    @Override
    public Optional<Patient> load(PatientId id) {
        return Optional.ofNullable(patients.get(id));
    }

    @Override
    public List<Patient> loadAll(Collection<PatientId> ids) {
        return ids.stream().map(patients::get).filter(p -> p != null).toList();
    }

    @Override
    public Optional<Patient> loadByKeycloakSubject(String subject) {
        return patients.values().stream().filter(p -> p.isOwnedBy(subject)).findFirst();
    }

    @Override
    public PatientPage search(SearchPatientsQuery query) {
        return new PatientPage(patients.values().stream()
                .filter(p -> p.demographics().searchableName().family().startsWith(query.familyNamePrefix()))
                .limit(query.pageSize()).toList(), "");
    }

    @Override
    public SaveOutcome insert(Patient patient, PatientRegistered event) {
        Optional<Patient> duplicate = patients.values().stream()
                .filter(p -> p.demographics().duplicateKey().isPresent()
                        && p.demographics().duplicateKey().equals(patient.demographics().duplicateKey()))
                .findFirst();
        if (duplicate.isPresent()) {
            return new SaveOutcome.DuplicateKeyTaken(duplicate.get().id());
        }
        Optional<Patient> owner = patient.keycloakSubject().flatMap(this::loadByKeycloakSubject);
        if (owner.isPresent()) {
            return new SaveOutcome.SubjectTaken(owner.get().id());
        }
        patients.put(patient.id(), patient);
        outbox.add(event);
        return new SaveOutcome.Saved();
    }

    @Override
    public SaveOutcome replace(Patient previous, Patient changed, Optional<PatientContactChanged> event) {
        long stored = patients.get(previous.id()).version();
        if (stored != previous.version()) {
            return new SaveOutcome.VersionConflict(stored);
        }
        patients.put(changed.id(), changed);
        event.ifPresent(outbox::add);
        return new SaveOutcome.Saved();
    }
}
