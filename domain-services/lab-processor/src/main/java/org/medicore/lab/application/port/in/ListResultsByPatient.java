package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.support.port.Outcome;

import java.util.Optional;

public interface ListResultsByPatient {

    /**
     * A page of the patient's results read from lab reports, newest first; only one report's when
     * {@code reportId} is given. A page size of 0 means the default; larger than the maximum is capped.
     */
    Outcome<ResultPage> resultsByPatient(Caller caller, String patientId, Optional<String> reportId,
                                         int pageSize, String pageToken);
}
