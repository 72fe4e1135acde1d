package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.support.port.Outcome;

public interface AddHistoryEntry {

    Outcome<HistoryEntry> add(Caller caller, AddHistoryEntryCommand command);
}
