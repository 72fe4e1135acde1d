package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface LoadPatient {

    Optional<Patient> load(PatientId id);

    /** The patients that exist among {@code ids}, in no particular order. */
    List<Patient> loadAll(Collection<PatientId> ids);

    Optional<Patient> loadByKeycloakSubject(String subject);
}
