package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.DecideReview;
import org.medicore.lab.application.port.in.ListReviewQueue;
import org.medicore.lab.application.port.out.AttachResults;
import org.medicore.lab.application.port.out.FindPatient;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.HeldForReview;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabReportStatus;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.ReportPage;
import org.medicore.lab.domain.Review;
import org.medicore.lab.domain.ReviewAccess;
import org.medicore.lab.domain.ReviewDecision;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.paging.Paging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A clinician's review of held reports. A decision first claims the report at the version the
 * clinician saw (so of two clinicians deciding at once, one is told the report changed before
 * anything is attached), then attaches what was decided and stores the report with the decision
 * and its event in one transaction.
 */
public final class LabReview implements ListReviewQueue, DecideReview {

    private final LoadReport loadReport;
    private final SaveReport saveReport;
    private final FindPatient findPatient;
    private final AttachResults attachResults;
    private final ReportObjects objects;
    private final Clock clock;

    public LabReview(LoadReport loadReport, SaveReport saveReport, FindPatient findPatient, AttachResults attachResults,
                     ReportObjects objects, Clock clock) {
        this.loadReport = loadReport;
        this.saveReport = saveReport;
        this.findPatient = findPatient;
        this.attachResults = attachResults;
        this.objects = objects;
        this.clock = clock;
    }

    @Override
    public Outcome<ReportPage> reviewQueue(Caller caller, int pageSize, String pageToken) {
        if (!ReviewAccess.mayReview(caller)) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        return loadReport.heldForReview(Paging.size(pageSize), pageToken)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(LabRefusals.FOREIGN_PAGE_TOKEN));
    }

    @Override
    public Outcome<LabReport> decide(Caller caller, String reportId, long expectedVersion, ReviewDecision decision) {
        Optional<LabReport> found = loadReport.load(reportId);
        if (found.isEmpty()) {
            return Outcome.refused(LabRefusals.noReport(reportId));
        }
        LabReport report = found.get();
        if (!ReviewAccess.mayDecide(caller, report)) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        if (report.status() != LabReportStatus.NEEDS_REVIEW || report.held().isEmpty()) {
            return Outcome.refused(new Refusal.Forbidden("NOT_HELD", "",
                    "the report is not waiting for review; it is " + report.status()));
        }
        if (report.version() != expectedVersion) {
            return Outcome.refused(LabRefusals.reportChanged(expectedVersion));
        }
        if (decision instanceof ReviewDecision.Reassign reassign && !findPatient.exists(reassign.patientId())) {
            return Outcome.refused(LabRefusals.noPatient(reassign.patientId()));
        }
        LabReport claimed = report.claimedForReview();
        if (!saveReport.update(claimed, expectedVersion)) {
            return Outcome.refused(LabRefusals.reportChanged(expectedVersion));
        }
        LabReport.Change change = change(caller, claimed, claimed.held().get(), decision, clock.instant());
        if (!saveReport.complete(change, claimed.version())) {
            return Outcome.refused(LabRefusals.reportChanged(expectedVersion));
        }
        followedByItsFile(claimed, change.report());
        return Outcome.done(change.report());
    }

    /** A PDF is stored under its patient: reassigned, it moves with the report, so its download still finds it. */
    private void followedByItsFile(LabReport before, LabReport after) {
        if (!before.objectKey().equals(after.objectKey()) && objects.sizeOf(before.objectKey()).isPresent()) {
            objects.move(before.objectKey(), after.objectKey());
        }
    }

    private LabReport.Change change(Caller caller, LabReport report, HeldForReview held, ReviewDecision decision,
                                    Instant now) {
        return switch (decision) {
            case ReviewDecision.Accept accept ->
                    attach(report, report.patientId(), held.valuesRead(), held, Review.accepted(caller, now), now);
            case ReviewDecision.Correct correct -> {
                List<LabValue> values = IntStream.range(0, correct.values().size())
                        .mapToObj(i -> correct.values().get(i).asValue(i + 1)).toList();
                yield attach(report, report.patientId(), values, held,
                        Review.corrected(caller, now, held.valuesRead(), values), now);
            }
            case ReviewDecision.Reassign reassign -> attach(report, reassign.patientId(), held.valuesRead(), held,
                    Review.reassigned(caller, now, report.patientId(), reassign.patientId()), now);
            case ReviewDecision.Reject reject -> report.rejectedInReview(Review.rejected(caller, now, reject.reason().strip()), now);
        };
    }

    private LabReport.Change attach(LabReport report, String patientId, List<LabValue> values, HeldForReview held,
                                    Review review, Instant now) {
        List<String> ids = attachResults.attach(patientId, report.id(), values, held.observedAt());
        return report.decided(review, patientId, values, ids, now);
    }
}
