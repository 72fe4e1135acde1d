package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.PatientId;

public sealed interface SaveOutcome {

    record Saved() implements SaveOutcome {
    }

    /** Another patient holds the same duplicate key (name, date of birth, e-mail). */
    record DuplicateKeyTaken(PatientId existing) implements SaveOutcome {
    }

    record SubjectTaken(PatientId existing) implements SaveOutcome {
    }

    /** The stored version moved on since it was read; nothing was written. */
    record VersionConflict(long currentVersion) implements SaveOutcome {
    }
}
