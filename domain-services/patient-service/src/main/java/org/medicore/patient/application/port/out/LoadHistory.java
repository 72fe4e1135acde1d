package org.medicore.patient.application.port.out;

import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;

import java.util.Optional;
import java.util.UUID;

public interface LoadHistory {

    /** Any patient's entry by its id, with the entry that supersedes it, if any. */
    Optional<RecordedEntry> findEntry(UUID entryId);

    /**
     * The patient with the corrections made to their history, read together because listing the
     * history needs both (the patient for the access rule); empty for an unknown patient.
     */
    Optional<HistoryOwner> owner(PatientId patient);

    /** Throws InvalidFieldsException for a page token that is not from this patient's history. */
    Page<RecordedEntry> page(ListHistoryQuery query, HistoryOwner owner);
}
