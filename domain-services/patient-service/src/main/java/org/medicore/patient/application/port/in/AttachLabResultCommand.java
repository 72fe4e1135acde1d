package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.LabMeasurement;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Violations;

/** A lab result to attach; a retry with the same idempotency key is answered with the first result. */
public record AttachLabResultCommand(String idempotencyKey, PatientId patientId, LabMeasurement measurement) {

    public static final int MAX_KEY_LENGTH = 128;

    public AttachLabResultCommand {
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.strip();
        Violations violations = checkIdempotencyKey(idempotencyKey, new Violations());
        if (measurement == null) {
            violations.add("result", "is required");
        }
        violations.throwIfAny();
    }

    public static Violations checkIdempotencyKey(String idempotencyKey, Violations violations) {
        return violations.required("idempotency_key", idempotencyKey).maxLength("idempotency_key", idempotencyKey, MAX_KEY_LENGTH);
    }
}
