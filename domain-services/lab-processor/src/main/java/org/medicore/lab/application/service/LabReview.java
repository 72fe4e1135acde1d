package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.DecideReview;
import org.medicore.lab.application.port.in.ListReviewQueue;
import org.medicore.lab.application.port.in.Outcome;
import org.medicore.lab.application.port.in.Refusal;
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
import org.medicore.support.port.paging.Paging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A clinician's review of held reports. A decision first claims the report at the version the
 * clinician saw (so of two clinicians deciding at once, one is told the report changed before
 * anything is attached), then attaches what was decided and stores the report with the decision
 * and its event in one transaction.
 */
public final class LabReview implements ListReviewQueue, DecideReview {

    private static final String REPORT = "medicore.lab.v1.LabReport";
    private static final String PATIENT = "medicore.patient.v1.Patient";
    private static final int MAX_VALUES = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");

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
        if (!Paging.isAllowedSize(pageSize)) {
            return Outcome.refused(new Refusal.InvalidRequest(List.of(
                    new Refusal.FieldViolation(Paging.SIZE_FIELD, Paging.NEGATIVE_SIZE))));
        }
        if (!ReviewAccess.mayReview(caller)) {
            return Outcome.refused(new Refusal.Denied());
        }
        return loadReport.heldForReview(Paging.size(pageSize), pageToken)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new Refusal.InvalidRequest(List.of(
                        new Refusal.FieldViolation(Paging.TOKEN_FIELD, Paging.FOREIGN_TOKEN)))));
    }

    @Override
    public Outcome<LabReport> decide(Caller caller, String reportId, long expectedVersion, ReviewDecision decision) {
        if (!Ids.isUuid(reportId)) {
            return Ids.notAReportId();
        }
        List<Refusal.FieldViolation> violations = violations(decision);
        if (!violations.isEmpty()) {
            return Outcome.refused(new Refusal.InvalidRequest(violations));
        }
        Optional<LabReport> found = loadReport.load(reportId);
        if (found.isEmpty()) {
            return Outcome.refused(new Refusal.NotFound(REPORT, reportId));
        }
        LabReport report = found.get();
        if (!ReviewAccess.mayDecide(caller, report)) {
            return Outcome.refused(new Refusal.Denied());
        }
        if (report.status() != LabReportStatus.NEEDS_REVIEW || report.held().isEmpty()) {
            return Outcome.refused(new Refusal.Precondition("NOT_HELD",
                    "the report is not waiting for review; it is " + report.status()));
        }
        if (report.version() != expectedVersion) {
            return Outcome.refused(new Refusal.Stale(expectedVersion));
        }
        if (decision instanceof ReviewDecision.Reassign reassign && !findPatient.exists(reassign.patientId())) {
            return Outcome.refused(new Refusal.NotFound(PATIENT, reassign.patientId()));
        }
        LabReport claimed = report.claimedForReview();
        if (!saveReport.update(claimed, expectedVersion)) {
            return Outcome.refused(new Refusal.Stale(expectedVersion));
        }
        LabReport.Change change = change(caller, claimed, claimed.held().get(), decision, clock.instant());
        if (!saveReport.complete(change, claimed.version())) {
            return Outcome.refused(new Refusal.Stale(expectedVersion));
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

    private static List<Refusal.FieldViolation> violations(ReviewDecision decision) {
        List<Refusal.FieldViolation> violations = new ArrayList<>();
        switch (decision) {
            case ReviewDecision.Accept accept -> {
            }
            case ReviewDecision.Reassign reassign -> {
                if (!Ids.isUuid(reassign.patientId())) {
                    violations.add(new Refusal.FieldViolation("reassign.patient_id", "must be a patient id (UUID)"));
                }
            }
            case ReviewDecision.Reject reject -> text(violations, "reject.reason", reject.reason(), 1, 500);
            case ReviewDecision.Correct correct -> {
                if (correct.values().isEmpty() || correct.values().size() > MAX_VALUES) {
                    violations.add(new Refusal.FieldViolation("correct.values", "must hold 1 to " + MAX_VALUES + " values"));
                    break;
                }
                for (int i = 0; i < correct.values().size(); i++) {
                    ReviewDecision.StatedValue value = correct.values().get(i);
                    String at = "correct.values[" + i + "].";
                    text(violations, at + "test_name", value.testName(), 1, 200);
                    text(violations, at + "value", value.value(), 1, 100);
                    text(violations, at + "unit", value.unit(), 0, 50);
                    text(violations, at + "reference_range", value.range(), 0, 100);
                    if (value.code().filter(code -> !LOINC.matcher(code.value()).matches()).isPresent()) {
                        violations.add(new Refusal.FieldViolation(at + "code", "must be a LOINC code such as 718-7"));
                    }
                }
            }
        }
        return violations;
    }

    /** Text a clinician types: within its length once trimmed, and no control characters. */
    private static void text(List<Refusal.FieldViolation> violations, String field, String value, int min, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() < min || trimmed.length() > max) {
            violations.add(new Refusal.FieldViolation(field, min == 0 ? "must be at most " + max + " characters"
                    : "must be " + min + " to " + max + " characters"));
        } else if (CONTROL.matcher(trimmed).find()) {
            violations.add(new Refusal.FieldViolation(field, "must not contain control characters"));
        }
    }
}
