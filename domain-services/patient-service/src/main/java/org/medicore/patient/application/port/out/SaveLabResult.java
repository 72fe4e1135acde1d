package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.LabResult;

public interface SaveLabResult {

    /** Stores the result under its idempotency key, unless the key is already taken. */
    LabResultSaveOutcome save(String idempotencyKey, LabResult result);
}
