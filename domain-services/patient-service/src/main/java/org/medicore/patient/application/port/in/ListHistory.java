package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;

public interface ListHistory {

    HistoryListing list(Caller caller, ListHistoryQuery query);
}
