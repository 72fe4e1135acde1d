package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;

public interface AddHistoryEntry {

    HistoryEntryAddition add(Caller caller, AddHistoryEntryCommand command);
}
