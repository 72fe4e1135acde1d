package org.medicore.patient.application.port.out;

import java.util.UUID;

public sealed interface AppendOutcome {

    record Appended() implements AppendOutcome {
    }

    /** Another correction of the same entry was stored first; nothing was written. */
    record AlreadySuperseded(UUID by) implements AppendOutcome {
    }
}
