package org.medicore.lab.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.domain.LabReports.NOW;
import static org.medicore.lab.domain.LabReports.aDoctor;
import static org.medicore.lab.domain.LabReports.aReport;
import static org.medicore.lab.domain.LabReports.thePatient;

class LabReportTest {

    @Test
    void a_new_report_awaits_its_upload_under_the_patients_prefix() {
        String patientId = UUID.randomUUID().toString();
        LabReport report = aReport().forPatient(patientId).build();

        assertThat(report.status()).isEqualTo(LabReportStatus.AWAITING_UPLOAD);
        assertThat(report.objectKey()).isEqualTo("uploads/" + patientId + "/" + report.id() + ".pdf");
        assertThat(LabReport.idFromObjectKey(report.objectKey())).contains(report.id());
        assertThat(LabReport.idFromObjectKey(report.quarantineKey())).isEmpty();
    }

    @Test
    void processing_a_report_counts_its_abnormal_values_and_raises_the_event() {
        LabReport processing = aReport().build().uploaded(NOW).processing();
        List<LabValue> values = LabReportText.read("""
                Hemoglobin: 11.2 g/dL (12.0-15.5)
                Sodium: 141 mmol/L (136-145)
                """).values();

        LabReport.Change change = processing.processed(values, List.of("r1", "r2"), NOW);

        assertThat(change.report().status()).isEqualTo(LabReportStatus.PROCESSED);
        assertThat(change.report().abnormalCount()).isEqualTo(1);
        assertThat(change.event()).isInstanceOfSatisfying(LabReportEvent.Processed.class, event -> {
            assertThat(event.resultCount()).isEqualTo(2);
            assertThat(event.resultIds()).containsExactly("r1", "r2");
        });
        assertThat(change.report().version()).isGreaterThan(processing.version());
    }

    @Test
    void a_rejection_keeps_the_reason_for_the_uploader() {
        Caller doctor = aDoctor();
        LabReport report = aReport().uploadedBy(doctor).build().uploaded(NOW).processing();

        LabReport.Change change = report.rejected(new Rejection(RejectionReason.NOT_A_PDF, "The file is not a PDF document."), NOW);

        assertThat(change.report().status().isFinal()).isTrue();
        assertThat(change.report().rejection()).map(Rejection::reason).contains(RejectionReason.NOT_A_PDF);
        assertThat(change.event()).isInstanceOfSatisfying(LabReportEvent.Rejected.class,
                event -> assertThat(event.uploadedBySubject()).isEqualTo(doctor.subject()));
    }

    @Test
    void a_report_held_for_review_keeps_what_was_read_and_why_and_is_not_processed_again() {
        LabReport processing = aReport().build().uploaded(NOW).processing();
        List<LabValue> values = LabReportText.read("Potassium: 6.9 mmol/L (3.5-5.1)").values();
        HeldForReview hold = new HeldForReview(List.of(new ReviewFinding(ReviewFinding.Kind.CRITICAL_VALUE,
                "Potassium: 6.9 mmol/L (3.5-5.1)", "potassium 6.9 mmol/L is past the panic limit 6.5")), values,
                new PrintedIdentity(java.util.Optional.of("GONZALEZ, Maria"),
                        java.util.Optional.of(java.time.LocalDate.of(1961, 3, 14)), java.util.Optional.empty()),
                NOW, "Potassium: 6.9 mmol/L (3.5-5.1)");

        LabReport.Change change = processing.heldForReview(hold, NOW);

        assertThat(change.report().status()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(change.report().status().isFinal()).isFalse();
        assertThat(change.report().status().processingEnded()).isTrue();
        assertThat(change.report().held()).contains(hold);
        assertThat(change.event()).isInstanceOfSatisfying(LabReportEvent.Held.class, event -> {
            assertThat(event.findings()).extracting(ReviewFinding::kind).containsExactly(ReviewFinding.Kind.CRITICAL_VALUE);
            assertThat(event.valueCount()).isEqualTo(1);
            assertThat(event.criticalCount()).isEqualTo(1);
        });
    }

    @Test
    void the_stored_object_may_be_neither_over_the_limit_nor_other_than_announced() {
        UploadLimits limits = new UploadLimits(10 * 1024 * 1024);

        assertThat(limits.checkStoredSize(2048, 2048)).isEmpty();
        assertThat(limits.checkStoredSize(2048, 4096)).map(Rejection::reason).contains(RejectionReason.SIZE_MISMATCH);
        assertThat(limits.checkStoredSize(2048, 11 * 1024 * 1024)).map(Rejection::reason).contains(RejectionReason.TOO_LARGE);
    }

    @Test
    void a_patient_acts_only_for_themself_while_doctors_act_for_anyone() {
        String patientId = UUID.randomUUID().toString();

        assertThat(ReportAccess.mayActFor(thePatient(patientId), patientId)).isTrue();
        assertThat(ReportAccess.mayActFor(thePatient(patientId), UUID.randomUUID().toString())).isFalse();
        assertThat(ReportAccess.mayActFor(aDoctor(), patientId)).isTrue();
        assertThat(ReportAccess.mayActFor(new Caller("billing", java.util.Set.of(Role.BILLING)), patientId)).isFalse();
    }
}
