package org.medicore.lab.application.service;

import org.medicore.lab.domain.ReportPage;
import org.medicore.lab.application.port.in.ListReportsByPatient;
import org.medicore.lab.application.port.in.ConfirmUpload;
import org.medicore.lab.application.port.in.GetReportStatus;
import org.medicore.lab.application.port.in.ListResultsByPatient;
import org.medicore.lab.application.port.in.RequestUploadCommand;
import org.medicore.lab.application.port.in.RequestUploadUrl;
import org.medicore.lab.application.port.in.UploadTicket;
import org.medicore.lab.application.port.out.FindPatient;
import org.medicore.lab.application.port.out.LoadAttachedResults;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.PresignUpload;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.AttachedResult;
import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabReportStatus;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;
import org.medicore.lab.domain.ReportAccess;
import org.medicore.lab.application.port.in.ResultPage;
import org.medicore.lab.domain.UploadLimits;
import org.medicore.lab.domain.Uploader;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.paging.Paging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Upload URLs, upload confirmation and the read side of reports and their results. */
public final class LabReportIntake implements RequestUploadUrl, ConfirmUpload, GetReportStatus, ListResultsByPatient,
        ListReportsByPatient {

    private final LoadReport loadReport;
    private final SaveReport saveReport;
    private final PresignUpload presignUpload;
    private final ReportObjects objects;
    private final FindPatient findPatient;
    private final LoadAttachedResults attachedResults;
    private final Duration uploadWindow;
    private final Clock clock;

    public LabReportIntake(LoadReport loadReport, SaveReport saveReport, PresignUpload presignUpload,
                           ReportObjects objects, FindPatient findPatient, LoadAttachedResults attachedResults,
                           Duration uploadWindow, Clock clock) {
        this.loadReport = loadReport;
        this.saveReport = saveReport;
        this.presignUpload = presignUpload;
        this.objects = objects;
        this.findPatient = findPatient;
        this.attachedResults = attachedResults;
        this.uploadWindow = uploadWindow;
        this.clock = clock;
    }

    @Override
    public Outcome<UploadTicket> requestUploadUrl(RequestUploadCommand command) {
        if (!ReportAccess.mayActFor(command.caller(), command.patientId())) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        if (!findPatient.exists(command.patientId())) {
            return Outcome.refused(LabRefusals.noPatient(command.patientId()));
        }
        Caller caller = command.caller();
        LabReport report = LabReport.awaitingUpload(command.patientId(), command.fileName(), command.sizeBytes(),
                new Uploader(caller.subject(), caller.actingRole()), clock.instant());
        saveReport.create(report);
        PresignUpload.PresignedPut put = presignUpload.presignPut(report.objectKey(), UploadLimits.PDF,
                command.sizeBytes(), uploadWindow);
        return Outcome.done(new UploadTicket(report.id(), put.url(), put.requiredHeaders(), put.expiresAt()));
    }

    @Override
    public Outcome<LabReport> confirmUpload(Caller caller, String reportId) {
        Optional<LabReport> found = loadReport.load(reportId);
        if (found.isEmpty()) {
            return Outcome.refused(LabRefusals.noReport(reportId));
        }
        LabReport report = found.get();
        if (!report.uploadedBy().subject().equals(caller.subject()) && !caller.is(org.medicore.lab.domain.Role.ADMIN)) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        if (report.status() != LabReportStatus.AWAITING_UPLOAD) {
            return Outcome.done(report);
        }
        Instant now = clock.instant();
        if (now.isAfter(report.createdAt().plus(uploadWindow))) {
            saveReport.complete(report.rejected(new Rejection(RejectionReason.UPLOAD_EXPIRED,
                    "The upload link expired before the upload was confirmed; please upload the report again."), now),
                    report.version());
            return Outcome.refused(new Refusal.Forbidden("UPLOAD_EXPIRED", "", "the upload URL expired"));
        }
        if (objects.sizeOf(report.objectKey()).isEmpty()) {
            return Outcome.refused(new Refusal.Forbidden("OBJECT_MISSING", "", "nothing was uploaded under the URL yet"));
        }
        LabReport uploaded = report.uploaded(now);
        if (!saveReport.update(uploaded, report.version())) {
            return Outcome.done(loadReport.load(reportId).orElse(uploaded));
        }
        return Outcome.done(uploaded);
    }

    @Override
    public Outcome<LabReport> reportStatus(Caller caller, String reportId) {
        Optional<LabReport> found = loadReport.load(reportId);
        if (found.isEmpty()) {
            return Outcome.refused(LabRefusals.noReport(reportId));
        }
        if (!ReportAccess.mayActFor(caller, found.get().patientId())) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        return Outcome.done(found.get());
    }

    @Override
    public Outcome<ResultPage> resultsByPatient(Caller caller, String patientId, Optional<String> reportId,
                                                int pageSize, String pageToken) {
        if (!ReportAccess.mayActFor(caller, patientId)) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        if (!findPatient.exists(patientId)) {
            return Outcome.refused(LabRefusals.noPatient(patientId));
        }
        List<AttachedResult> fromReports = attachedResults.resultsOf(patientId).stream()
                .filter(result -> !result.sourceReportId().isEmpty())
                .filter(result -> reportId.map(result.sourceReportId()::equals).orElse(true))
                .toList();
        return ResultPage.of(fromReports, pageSize, pageToken)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(LabRefusals.FOREIGN_PAGE_TOKEN));
    }

    @Override
    public Outcome<ReportPage> reportsByPatient(Caller caller, String patientId, int pageSize, String pageToken) {
        if (!ReportAccess.mayActFor(caller, patientId)) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        return loadReport.reportsOf(patientId, Paging.size(pageSize), pageToken)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(LabRefusals.FOREIGN_PAGE_TOKEN));
    }
}
