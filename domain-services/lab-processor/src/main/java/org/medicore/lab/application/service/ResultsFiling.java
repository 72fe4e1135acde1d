package org.medicore.lab.application.service;

import org.medicore.lab.application.port.out.AttachResults;
import org.medicore.lab.application.port.out.FindPatient;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.HeldForReview;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.PatientMatch;
import org.medicore.lab.domain.PrintedIdentity;
import org.medicore.lab.domain.ReviewFinding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last step for values read from any lab report, PDF or message: the identity it prints is
 * checked against the record it is for, then it is held for a clinician when anything needs one,
 * else attached to the patient record; the report's new state and its event are stored together.
 */
public final class ResultsFiling {

    private final AttachResults attachResults;
    private final FindPatient findPatient;
    private final LoadReport loadReport;
    private final SaveReport saveReport;
    private final Clock clock;

    public ResultsFiling(AttachResults attachResults, FindPatient findPatient, LoadReport loadReport,
                         SaveReport saveReport, Clock clock) {
        this.attachResults = attachResults;
        this.findPatient = findPatient;
        this.loadReport = loadReport;
        this.saveReport = saveReport;
        this.clock = clock;
    }

    /** The report (PROCESSING) filed: NEEDS_REVIEW with the findings, or PROCESSED with its values attached. */
    public LabReport file(LabReport processing, List<LabValue> values, List<ReviewFinding> readingFindings,
                          PrintedIdentity identity, Instant observedAt, String text) {
        Instant now = clock.instant();
        List<ReviewFinding> findings = new ArrayList<>(readingFindings);
        findPatient.find(processing.patientId()).ifPresentOrElse(
                record -> PatientMatch.check(identity, record).ifPresent(findings::add),
                () -> findings.add(ReviewFinding.aboutReport(ReviewFinding.Kind.PATIENT_MISMATCH,
                        "the record " + processing.patientId() + " the report was uploaded for no longer exists")));
        if (!findings.isEmpty()) {
            return finish(processing, processing.heldForReview(new HeldForReview(findings, values, identity, observedAt,
                    text), now));
        }
        List<String> ids = attachResults.attach(processing.patientId(), processing.id(), values, observedAt);
        return finish(processing, processing.processed(values, ids, now));
    }

    /** Stores the change if the report did not move on meanwhile; answers the report as stored. */
    public LabReport finish(LabReport processing, LabReport.Change change) {
        if (saveReport.complete(change, processing.version())) {
            return change.report();
        }
        return loadReport.load(processing.id()).orElse(change.report());
    }
}
