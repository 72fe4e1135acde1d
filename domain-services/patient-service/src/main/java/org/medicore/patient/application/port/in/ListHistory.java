package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.RecordedEntry;
import org.medicore.support.port.Outcome;

public interface ListHistory {

    Outcome<Page<RecordedEntry>> list(Caller caller, ListHistoryQuery query);
}
