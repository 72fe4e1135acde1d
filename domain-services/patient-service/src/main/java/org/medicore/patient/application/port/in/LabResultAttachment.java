package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.LabResult;

public sealed interface LabResultAttachment permits LabResultAttachment.Attached, LabResultAttachment.IdempotencyKeyReused,
        PatientRefusal {

    /** The stored result: new, or the first one stored under the same key when this call is a repeat. */
    record Attached(LabResult result) implements LabResultAttachment {
    }

    /** The key already stands for a different result; nothing was stored. */
    record IdempotencyKeyReused(String idempotencyKey) implements LabResultAttachment {
    }
}
