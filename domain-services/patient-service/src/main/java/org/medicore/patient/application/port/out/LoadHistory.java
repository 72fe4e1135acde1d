package org.medicore.patient.application.port.out;

import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.domain.RecordedEntry;

import java.util.Optional;
import java.util.UUID;

public interface LoadHistory {

    /** Any patient's entry by its id, with the entry that supersedes it, if any. */
    Optional<RecordedEntry> findEntry(UUID entryId);

    /** Throws InvalidFieldsException for a page token that is not from this patient's history. */
    Page<RecordedEntry> page(ListHistoryQuery query);
}
