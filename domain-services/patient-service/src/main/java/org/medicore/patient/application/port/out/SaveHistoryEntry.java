package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.HistoryEntry;

public interface SaveHistoryEntry {

    /** Appends the entry; a correction claims its superseded entry in the same write, so only one correction wins. */
    AppendOutcome append(HistoryEntry entry);
}
