package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.HistoryEntry;

import java.util.UUID;

public sealed interface HistoryEntryAddition permits HistoryEntryAddition.Added, HistoryEntryAddition.SupersededEntryNotFound,
        HistoryEntryAddition.CorrectionRefused, PatientRefusal {

    record Added(HistoryEntry entry) implements HistoryEntryAddition {
    }

    /** The entry to correct does not exist. */
    record SupersededEntryNotFound(UUID entryId) implements HistoryEntryAddition {
    }

    /** The correction breaks a rule (another patient's entry, or one already corrected); nothing was stored. */
    record CorrectionRefused(HistoryEntry.Correction.Rule broken, UUID supersededEntryId) implements HistoryEntryAddition {
    }
}
