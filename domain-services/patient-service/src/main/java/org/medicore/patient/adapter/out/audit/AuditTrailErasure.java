package org.medicore.patient.adapter.out.audit;

import org.medicore.patient.application.port.out.ForgetPatientInAuditTrail;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.audit.ForgetPatient;
import org.medicore.support.audit.ForgetPatientCommand;

import java.util.Optional;

/** The audit trail's crypto-shredding (service-support's {@link ForgetPatient}, as the eraser login) for patient-service. */
final class AuditTrailErasure implements ForgetPatientInAuditTrail {

    private final ForgetPatient erasure;

    AuditTrailErasure(ForgetPatient erasure) {
        this.erasure = erasure;
    }

    @Override
    public void forget(PatientId patient, Optional<String> accountSubject, String erasedBy, String approvedBy) {
        erasure.forget(new ForgetPatientCommand(patient.value(), accountSubject, erasedBy, approvedBy));
    }
}
