package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Meta;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;

import java.util.List;
import java.util.Optional;

/**
 * A lab report of lab-processor as a FHIR DiagnosticReport: a laboratory report (LOINC 11502-2) of
 * its patient, its status as far as processing went, the results read from it as its Observations,
 * and the uploaded PDF described (name, type, size) as its presented form, with the Binary that serves it
 * while lab-processor keeps it for the report (not once it was rejected). A report still waiting for its
 * upload is no report yet.
 */
public final class LabReportResources {

    private static final String LOINC = "http://loinc.org";
    private static final String DIAGNOSTIC_SECTIONS = "http://terminology.hl7.org/CodeSystem/v2-0074";

    private LabReportResources() {
    }

    public static Optional<DiagnosticReport> of(LabReport report, List<LabResult> results) {
        Optional<DiagnosticReport.DiagnosticReportStatus> status = status(report.getStatus());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        DiagnosticReport diagnostic = new DiagnosticReport();
        diagnostic.setId(report.getId());
        Meta meta = new Meta();
        FhirValues.instant(report.hasProcessedAt(), report.getProcessedAt())
                .or(() -> FhirValues.instant(report.hasUploadedAt(), report.getUploadedAt()))
                .ifPresent(meta::setLastUpdatedElement);
        if (!meta.isEmpty()) {
            diagnostic.setMeta(meta);
        }
        diagnostic.setStatus(status.get());
        diagnostic.addCategory(FhirValues.coded(DIAGNOSTIC_SECTIONS, "LAB", "Laboratory"));
        diagnostic.setCode(FhirValues.coded(LOINC, "11502-2", "Laboratory report"));
        diagnostic.setSubject(FhirValues.reference("Patient", report.getPatientId()));
        FhirValues.instant(report.hasProcessedAt(), report.getProcessedAt()).ifPresent(diagnostic::setIssuedElement);
        results.stream().filter(LabResult::hasObservedAt)
                .findFirst().flatMap(result -> FhirValues.dateTime(true, result.getObservedAt()))
                .ifPresent(diagnostic::setEffective);
        results.forEach(result -> diagnostic.addResult(FhirValues.reference("Observation", result.getId())));
        if (report.getStatus() == LabReportStatus.REJECTED && !report.getRejectionDetail().isBlank()) {
            diagnostic.setConclusion(report.getRejectionDetail());
        }
        Attachment pdf = new Attachment().setContentType(report.getContentType().isBlank() ? "application/pdf" : report.getContentType());
        if (!report.getFileName().isBlank()) {
            pdf.setTitle(report.getFileName());
        }
        if (report.getSizeBytes() > 0 && report.getSizeBytes() <= Integer.MAX_VALUE) {
            pdf.setSize((int) report.getSizeBytes());
        }
        if (report.getStatus() != LabReportStatus.REJECTED) {
            pdf.setUrl("Binary/" + report.getId());
        }
        diagnostic.addPresentedForm(pdf);
        return Optional.of(diagnostic);
    }

    /** Processed is final; awaiting a review preliminary; uploaded or being read registered; rejected entered in error. */
    private static Optional<DiagnosticReport.DiagnosticReportStatus> status(LabReportStatus status) {
        return switch (status) {
            case PROCESSED -> Optional.of(DiagnosticReport.DiagnosticReportStatus.FINAL);
            case NEEDS_REVIEW -> Optional.of(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
            case UPLOADED, PROCESSING -> Optional.of(DiagnosticReport.DiagnosticReportStatus.REGISTERED);
            case REJECTED -> Optional.of(DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR);
            case AWAITING_UPLOAD, LAB_REPORT_STATUS_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }
}
