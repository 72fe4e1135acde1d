package org.medicore.fhir.records;

import org.medicore.contracts.patient.v1.Patient;

/**
 * What registering a patient came to: a new record, or patient-service's answer that the person is
 * registered already (same family and given name, date of birth and e-mail), with the existing id.
 */
public sealed interface Registration {

    record Registered(Patient patient) implements Registration {
    }

    record AlreadyRegistered(String patientId) implements Registration {
    }
}
