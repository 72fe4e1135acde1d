package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.ReviewDecision;
import org.medicore.support.port.Outcome;

public interface DecideReview {

    /** The report after the clinician's decision, taken only if the report is still at {@code expectedVersion}. */
    Outcome<LabReport> decide(Caller caller, String reportId, long expectedVersion, ReviewDecision decision);
}
