package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.PatientRecord;

import java.util.Optional;

public interface FindPatient {

    /** The patient's name and date of birth as the record holds them; empty for an unknown patient. */
    Optional<PatientRecord> find(String patientId);

    default boolean exists(String patientId) {
        return find(patientId).isPresent();
    }
}
