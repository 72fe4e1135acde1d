package org.medicore.lab;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.AcceptAsRead;
import org.medicore.contracts.lab.v1.CorrectValues;
import org.medicore.contracts.lab.v1.CorrectedValue;
import org.medicore.contracts.lab.v1.DecideReviewRequest;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabReportRejectionReason;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.LabReviewDecision;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListReviewQueueRequest;
import org.medicore.contracts.lab.v1.ReassignPatient;
import org.medicore.contracts.lab.v1.RejectReport;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.support.HeldReports;
import org.medicore.lab.support.RunningLabProcessor;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/** A doctor decides on reports held for review, through the real service, store, Kafka and patient-service. */
class LabReviewFlowTest extends RunningLabProcessor {

    @Autowired
    private SaveReport saveReport;

    @Test
    void the_queue_shows_held_reports_oldest_first_to_doctors_only() {
        String first = held(aRegisteredPatient("")).getId();
        String second = held(aRegisteredPatient("")).getId();

        List<String> queue = labServiceAs(tokenOf("doctor")).listReviewQueue(ListReviewQueueRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(100)).build()).getReportsList().stream()
                .map(LabReport::getId).toList();

        assertThat(queue).containsSubsequence(first, second);
        assertThat(labServiceAs(tokenOf("doctor")).listReviewQueue(ListReviewQueueRequest.getDefaultInstance())
                .getReports(0).getReviewFindingsCount()).isPositive();
        assertThatThrownBy(() -> labServiceAs(tokenOf("patient")).listReviewQueue(ListReviewQueueRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void a_doctor_accepts_a_held_report_its_values_reach_the_record_and_the_decision_is_kept_and_announced() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        LabReport held = held(patientId);

        LabReport decided = labServiceAs(doctor).decideReview(decision(held).setAccept(AcceptAsRead.getDefaultInstance())
                .build()).getReport();

        assertThat(decided.getStatus()).isEqualTo(LabReportStatus.PROCESSED);
        LabReport stored = labServiceAs(doctor).getReportStatus(GetReportStatusRequest.newBuilder()
                .setReportId(held.getId()).build()).getReport();
        assertThat(stored.getReview().getDecision()).isEqualTo(LabReviewDecision.Decision.ACCEPTED);
        assertThat(stored.getReview().getDecidedBy().getSubject()).isEqualTo(subjectOf(doctor));
        assertThat(stored.getReview().hasDecidedAt()).isTrue();
        assertThat(stored.getReviewFindingsList()).isEmpty();
        assertThat(resultsOf(doctor, patientId, held.getId())).extracting(LabResult::getTestName, LabResult::getAbnormalFlag)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Hemoglobin", AbnormalFlag.LOW),
                        org.assertj.core.groups.Tuple.tuple("Potassium", AbnormalFlag.CRITICAL_HIGH));
        LabReportProcessed event = parse(labEvents.of(held.getId(), "medicore.events.v1.LabReportProcessed").value(),
                LabReportProcessed.newBuilder()).build();
        assertThat(event.getResultCount()).isEqualTo(2);
        assertThat(event.getCriticalCount()).isEqualTo(1);
    }

    @Test
    void a_doctor_corrects_a_value_and_adds_one_and_the_changes_are_stored_with_the_report() {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        LabReport held = held(patientId);

        LabReport decided = labServiceAs(doctor).decideReview(decision(held).setCorrect(CorrectValues.newBuilder()
                .addValues(value("Hemoglobin", "718-7", "11.9", "g/dL", "12.0 - 15.5"))
                .addValues(value("Potassium", "2823-3", "6.9", "mmol/L", "3.5 - 5.1"))
                .addValues(value("Sodium", "2951-2", "140", "mmol/L", "136 - 145"))).build()).getReport();

        assertThat(decided.getReview().getDecision()).isEqualTo(LabReviewDecision.Decision.CORRECTED);
        assertThat(decided.getReview().getChangesList()).containsExactly(
                "Hemoglobin: 10.9 g/dL (12.0 - 15.5) -> 11.9 g/dL (12.0 - 15.5)", "added Sodium 140 mmol/L (136 - 145)");
        assertThat(resultsOf(doctor, patientId, held.getId())).extracting(LabResult::getTestName, LabResult::getValue,
                        LabResult::getAbnormalFlag)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Hemoglobin", "11.9", AbnormalFlag.LOW),
                        org.assertj.core.groups.Tuple.tuple("Potassium", "6.9", AbnormalFlag.CRITICAL_HIGH),
                        org.assertj.core.groups.Tuple.tuple("Sodium", "140", AbnormalFlag.NORMAL));
    }

    @Test
    void a_report_reassigned_to_the_right_patient_is_theirs_with_its_values() {
        String doctor = tokenOf("doctor");
        String wrong = aRegisteredPatient("");
        String right = aRegisteredPatient("");
        LabReport held = held(wrong);

        LabReport decided = labServiceAs(doctor).decideReview(decision(held)
                .setReassign(ReassignPatient.newBuilder().setPatientId(right)).build()).getReport();

        assertThat(decided.getPatientId()).isEqualTo(right);
        assertThat(decided.getReview().getChangesList()).containsExactly("patient " + wrong + " -> " + right);
        assertThat(resultsOf(doctor, right, held.getId())).hasSize(2);
        assertThat(resultsOf(doctor, wrong, held.getId())).isEmpty();
        assertThat(labServiceAs(doctor).listReportsByPatient(ListReportsByPatientRequest.newBuilder().setPatientId(right)
                .build()).getReportsList()).extracting(LabReport::getId).containsExactly(held.getId());
    }

    @Test
    void a_rejected_report_attaches_nothing_and_tells_the_uploader_why() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        LabReport held = held(patientId);

        LabReport decided = labServiceAs(doctor).decideReview(decision(held)
                .setReject(RejectReport.newBuilder().setReason("Another patient's report; please ask the lab again."))
                .build()).getReport();

        assertThat(decided.getStatus()).isEqualTo(LabReportStatus.REJECTED);
        assertThat(decided.getRejectionReason()).isEqualTo(LabReportRejectionReason.REJECTED_IN_REVIEW);
        assertThat(decided.getRejectionDetail()).isEqualTo("Another patient's report; please ask the lab again.");
        assertThat(resultsOf(doctor, patientId, held.getId())).isEmpty();
        LabReportRejected event = parse(labEvents.of(held.getId(), "medicore.events.v1.LabReportRejected").value(),
                LabReportRejected.newBuilder()).build();
        assertThat(event.getReason()).isEqualTo(LabReportRejectionReason.REJECTED_IN_REVIEW);
    }

    @Test
    void a_decision_on_a_version_that_changed_meanwhile_is_aborted_and_a_decided_report_is_not_held_anymore() {
        String doctor = tokenOf("doctor");
        LabReport held = held(aRegisteredPatient(""));

        assertThatThrownBy(() -> labServiceAs(doctor).decideReview(DecideReviewRequest.newBuilder()
                .setReportId(held.getId()).setExpectedVersion(held.getVersion() - 1)
                .setAccept(AcceptAsRead.getDefaultInstance()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
        labServiceAs(doctor).decideReview(decision(held).setAccept(AcceptAsRead.getDefaultInstance()).build());
        assertThatThrownBy(() -> labServiceAs(doctor).decideReview(decision(held)
                .setReject(RejectReport.newBuilder().setReason("too late")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    }

    @Test
    void the_patient_who_uploaded_a_report_may_not_decide_on_it_and_bad_decisions_name_their_fields() {
        LabReport held = held(aRegisteredPatient(""));

        assertThatThrownBy(() -> labServiceAs(tokenOf("patient")).decideReview(decision(held)
                .setAccept(AcceptAsRead.getDefaultInstance()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> labServiceAs(tokenOf("doctor")).decideReview(decision(held)
                .setReject(RejectReport.newBuilder().setReason(" ")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(violatedFields(e)).containsExactly("reject.reason"));
        assertThatThrownBy(() -> labServiceAs(tokenOf("doctor")).decideReview(decision(held).setCorrect(CorrectValues
                .newBuilder().addValues(value("Hemoglobin", "not-loinc", "", "g/dL", ""))).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(violatedFields(e))
                        .containsExactlyInAnyOrder("correct.values[0].value", "correct.values[0].code"));
        assertThatThrownBy(() -> labServiceAs(tokenOf("doctor")).decideReview(decision(held).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(violatedFields(e)).containsExactly("decision"));
    }

    /** A report the patient account uploaded, held for a critical value, as the processor leaves it. */
    private LabReport held(String patientId) {
        String reportId = HeldReports.holdFor(saveReport, patientId, subjectOf(tokenOf("patient")));
        return labServiceAs(tokenOf("doctor")).getReportStatus(GetReportStatusRequest.newBuilder().setReportId(reportId)
                .build()).getReport();
    }

    private static DecideReviewRequest.Builder decision(LabReport held) {
        return DecideReviewRequest.newBuilder().setReportId(held.getId()).setExpectedVersion(held.getVersion());
    }

    private static CorrectedValue value(String test, String code, String value, String unit, String range) {
        return CorrectedValue.newBuilder().setTestName(test).setCode(code).setValue(value).setUnit(unit)
                .setReferenceRange(range).build();
    }
}
