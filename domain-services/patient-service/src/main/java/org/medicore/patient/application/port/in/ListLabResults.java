package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.LabResult;
import org.medicore.support.port.Outcome;

public interface ListLabResults {

    Outcome<Page<LabResult>> list(Caller caller, ListLabResultsQuery query);
}
