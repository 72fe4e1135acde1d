package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;

public interface ListLabResults {

    LabResultListing list(Caller caller, ListLabResultsQuery query);
}
