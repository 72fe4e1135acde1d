package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.PatientId;

import java.util.Optional;

/**
 * Makes the audit trail's records of the patient unreadable for good (their key is destroyed; the chain keeps
 * verifying) and records the erasure with who approved it. Repeating it destroys nothing more.
 */
public interface ForgetPatientInAuditTrail {

    void forget(PatientId patient, Optional<String> accountSubject, String erasedBy, String approvedBy);
}
