package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.GetReportDownloadUrl;
import org.medicore.lab.application.port.in.GetReportStatus;
import org.medicore.lab.application.port.in.ReportDownload;
import org.medicore.lab.application.port.out.PresignDownload;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.ReviewAccess;
import org.medicore.lab.domain.UploadLimits;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Hands out links to reports' original PDFs: to those who may read the report, and, while it is
 * held for review, to reviewers only (its file may be another person's until a clinician decides).
 */
public final class ReportDownloads implements GetReportDownloadUrl {

    private final GetReportStatus reports;
    private final ReportObjects objects;
    private final PresignDownload presignDownload;
    private final Duration linkValidFor;

    /** @param reports the rules of reading a report, which downloading its file follows */
    public ReportDownloads(GetReportStatus reports, ReportObjects objects, PresignDownload presignDownload,
                           Duration linkValidFor) {
        this.reports = reports;
        this.objects = objects;
        this.presignDownload = presignDownload;
        this.linkValidFor = linkValidFor;
    }

    @Override
    public Outcome<ReportDownload> downloadUrl(Caller caller, String reportId) {
        return switch (reports.reportStatus(caller, reportId)) {
            case Outcome.Refused<LabReport> refused -> Outcome.refused(refused.refusal());
            case Outcome.Done<LabReport> readable -> linkTo(caller, readable.value());
        };
    }

    private Outcome<ReportDownload> linkTo(Caller caller, LabReport report) {
        Optional<Refusal> noFile = switch (report.status()) {
            case AWAITING_UPLOAD -> Optional.of(new Refusal.Forbidden("NOT_UPLOADED", "",
                    "the report's upload was never confirmed, so it has no file"));
            case REJECTED -> Optional.of(new Refusal.Forbidden("REPORT_REJECTED", "",
                    "the report's file was refused and is not handed out"));
            case NEEDS_REVIEW -> ReviewAccess.mayReview(caller) ? Optional.empty()
                    : Optional.of(new Refusal.Forbidden("HELD_FOR_REVIEW", "",
                    "the report waits for a clinician's review; its file is available once it is decided"));
            case UPLOADED, PROCESSING, PROCESSED -> Optional.empty();
        };
        if (noFile.isPresent()) {
            return Outcome.refused(noFile.get());
        }
        OptionalLong size = objects.sizeOf(report.objectKey());
        if (size.isEmpty()) {
            return Outcome.refused(new Refusal.Forbidden("OBJECT_MISSING", "", "no PDF is stored for the report"));
        }
        PresignDownload.PresignedGet link = presignDownload.presignGet(report.objectKey(), UploadLimits.PDF, linkValidFor);
        return Outcome.done(new ReportDownload(report.id(), report.patientId(), report.fileName(), size.getAsLong(),
                link.url(), link.expiresAt()));
    }
}
