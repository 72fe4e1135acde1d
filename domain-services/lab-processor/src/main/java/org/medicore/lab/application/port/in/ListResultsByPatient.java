package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.AttachedResult;
import org.medicore.lab.domain.Caller;

import java.util.List;
import java.util.Optional;

public interface ListResultsByPatient {

    /** The patient's results read from lab reports, newest first; only one report's when {@code reportId} is given. */
    Outcome<List<AttachedResult>> resultsByPatient(Caller caller, String patientId, Optional<String> reportId);
}
