package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.PatientContact;

import java.util.Optional;
import java.util.UUID;

/** The patient's contact details from the record that owns them (patient-service); empty for an unknown patient. */
public interface LoadPatientContacts {

    Optional<PatientContact> contactOf(UUID patientId);
}
