package org.medicore.lab.application.service;

import org.medicore.lab.application.port.out.AttachResults;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.HeldForReview;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.PrintedIdentity;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;
import org.medicore.lab.domain.ReviewFinding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last step for values read from a lab's message: held for a clinician when anything needs
 * one, else attached to the patient record, the report's final state and its event stored together.
 */
public final class ResultsFiling {

    private final AttachResults attachResults;
    private final LoadReport loadReport;
    private final SaveReport saveReport;
    private final Clock clock;

    public ResultsFiling(AttachResults attachResults, LoadReport loadReport, SaveReport saveReport, Clock clock) {
        this.attachResults = attachResults;
        this.loadReport = loadReport;
        this.saveReport = saveReport;
        this.clock = clock;
    }

    /** The report (PROCESSING) filed: PROCESSED, NEEDS_REVIEW, or REJECTED when it holds no result at all. */
    public LabReport file(LabReport processing, List<LabValue> values, List<ReviewFinding> readingFindings,
                          PrintedIdentity identity, Instant observedAt, String text) {
        Instant now = clock.instant();
        if (values.isEmpty() && readingFindings.isEmpty()) {
            return finish(processing, processing.rejected(new Rejection(RejectionReason.NO_RESULTS_FOUND,
                    "The message carries no final result."), now));
        }
        List<ReviewFinding> findings = new ArrayList<>(readingFindings);
        if (!findings.isEmpty()) {
            return finish(processing, processing.heldForReview(new HeldForReview(findings, values, identity, observedAt,
                    text), now));
        }
        List<String> ids = attachResults.attach(processing.patientId(), processing.id(), values, observedAt);
        return finish(processing, processing.processed(values, ids, now));
    }

    private LabReport finish(LabReport processing, LabReport.Change change) {
        if (saveReport.complete(change, processing.version())) {
            return change.report();
        }
        return loadReport.load(processing.id()).orElse(change.report());
    }
}
