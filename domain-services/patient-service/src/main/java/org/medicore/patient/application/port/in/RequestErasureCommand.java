package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.PatientId;

import java.util.Objects;

/** @param reason why, as an admin records it; may be empty when the patient asks themself */
public record RequestErasureCommand(PatientId patientId, String reason) {

    public RequestErasureCommand {
        Objects.requireNonNull(patientId, "patientId");
        reason = reason == null ? "" : reason.strip();
    }
}
