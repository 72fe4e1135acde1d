package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.RecordedEntry;

public sealed interface HistoryListing permits HistoryListing.Listed, PatientRefusal {

    record Listed(Page<RecordedEntry> page) implements HistoryListing {
    }
}
