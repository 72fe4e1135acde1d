package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.LabResult;

public sealed interface LabResultSaveOutcome {

    record Saved() implements LabResultSaveOutcome {
    }

    /** The key was used before; nothing was written. */
    record KeyTaken(LabResult stored) implements LabResultSaveOutcome {
    }
}
