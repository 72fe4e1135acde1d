package org.medicore.patient.domain;

import java.util.Optional;
import java.util.UUID;

/** A stored history entry as read back: with the later entry that corrects it, if any (never stored on the entry). */
public record RecordedEntry(HistoryEntry entry, Optional<UUID> supersededBy) {

    public RecordedEntry {
        supersededBy = supersededBy == null ? Optional.empty() : supersededBy;
    }

    public boolean isCurrent() {
        return supersededBy.isEmpty();
    }
}
