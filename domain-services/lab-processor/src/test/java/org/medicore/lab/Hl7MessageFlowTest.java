package org.medicore.lab;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReviewFinding;
import org.medicore.contracts.lab.v1.SubmitHl7MessageRequest;
import org.medicore.contracts.lab.v1.SubmitHl7MessageResponse;
import org.medicore.lab.support.ResultMessages;
import org.medicore.lab.support.RunningLabProcessor;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.medicore.lab.support.ResultMessages.aResultMessage;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/**
 * HL7 v2 ORU^R01 messages from a lab's system through SubmitHl7Message, against the real stack:
 * the same review rules as a PDF (critical value, flag disagreement, another patient) and the ACK.
 * The patients are registered as "Anna Lab<random>", born 1985-03-14.
 */
class Hl7MessageFlowTest extends RunningLabProcessor {

    @Test
    void a_normal_message_for_the_right_patient_is_acknowledged_and_its_values_attached_with_their_loinc_codes() {
        String patientId = aRegisteredPatient("");

        SubmitHl7MessageResponse answer = submit(forPatient(patientId).collectedAt("20260301071500+0000")
                .with("NM", "718-7", "Hemoglobin", "10.9", "g/dL", "12.0-15.5", "L")
                .with("NM", "2823-3", "Potassium", "4.2", "mmol/L", "3.5-5.1", "N")
                .with("ST", "5804-0", "Protein", "Negative", "", "neg", ""));

        assertThat(answer.getAcknowledgementCode()).isEqualTo("AA");
        assertThat(answer.getAcknowledgement()).contains("\rMSA|AA|");
        assertThat(answer.getReport().getStatus()).isEqualTo(LabReportStatus.PROCESSED);
        java.util.List<LabResult> results = resultsOf(tokenOf("doctor"), patientId, answer.getReport().getId());
        assertThat(results)
                .extracting(LabResult::getCode, LabResult::getValue, LabResult::getUnit, LabResult::getAbnormalFlag)
                .containsExactlyInAnyOrder(tuple("718-7", "10.9", "g/dL", AbnormalFlag.LOW),
                        tuple("2823-3", "4.2", "mmol/L", AbnormalFlag.NORMAL),
                        tuple("5804-0", "Negative", "", AbnormalFlag.NORMAL));
        assertThat(results).allSatisfy(result -> assertThat(result.getObservedAt().getSeconds())
                .isEqualTo(Instant.parse("2026-03-01T07:15:00Z").getEpochSecond()));
    }

    @Test
    void a_critical_value_or_a_flag_the_range_contradicts_holds_the_message_for_review() {
        SubmitHl7MessageResponse critical = submit(forPatient(aRegisteredPatient(""))
                .with("NM", "2823-3", "Potassium", "6.9", "mmol/L", "3.5-5.1", "HH"));
        SubmitHl7MessageResponse disagreeing = submit(forPatient(aRegisteredPatient(""))
                .with("NM", "718-7", "Hemoglobin", "10.9", "g/dL", "12.0-15.5", "N"));

        assertThat(critical.getAcknowledgementCode()).isEqualTo("AA");
        assertThat(critical.getReport().getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(critical.getReport().getReviewFindingsList()).extracting(ReviewFinding::getKind)
                .contains(ReviewFinding.Kind.CRITICAL_VALUE);
        assertThat(critical.getReport().getReportText()).contains("OBX|1|NM|2823-3^Potassium^LN");
        assertThat(disagreeing.getReport().getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(disagreeing.getReport().getReviewFindingsList()).extracting(ReviewFinding::getKind)
                .contains(ReviewFinding.Kind.FLAG_DISAGREES);
    }

    @Test
    void a_message_naming_another_person_than_the_record_is_held_never_attached() {
        String patientId = aRegisteredPatient("");

        SubmitHl7MessageResponse answer = submit(aResultMessage().forRecord(patientId).named("GONZALEZ", "MARIA")
                .bornOn("19610314").normalPanel());

        assertThat(answer.getReport().getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(answer.getReport().getReviewFindingsList()).extracting(ReviewFinding::getKind)
                .contains(ReviewFinding.Kind.PATIENT_MISMATCH);
        assertThat(resultsOf(tokenOf("doctor"), patientId, answer.getReport().getId())).isEmpty();
    }

    @Test
    void the_same_message_sent_again_is_the_same_report_and_its_values_are_attached_once() {
        String patientId = aRegisteredPatient("");
        ResultMessages message = forPatient(patientId).normalPanel();

        SubmitHl7MessageResponse first = submit(message);
        SubmitHl7MessageResponse again = submit(message);

        assertThat(again.getAcknowledgementCode()).isEqualTo("AA");
        assertThat(again.getReport().getId()).isEqualTo(first.getReport().getId());
        assertThat(resultsOf(tokenOf("doctor"), patientId, first.getReport().getId())).hasSize(3);
    }

    @Test
    void a_malformed_segment_or_an_unknown_patient_is_answered_ae_naming_where_and_nothing_is_stored() {
        String patientId = aRegisteredPatient("");

        SubmitHl7MessageResponse malformed = submit(forPatient(patientId)
                .with("NM", "2823-3", "Potassium", "four", "mmol/L", "3.5-5.1", ""));
        SubmitHl7MessageResponse unknown = submit(aResultMessage().forRecord(java.util.UUID.randomUUID().toString())
                .normalPanel());
        SubmitHl7MessageResponse notOurs = submit(aResultMessage().normalPanel());

        assertThat(malformed.getAcknowledgementCode()).isEqualTo("AE");
        assertThat(malformed.getAcknowledgement()).contains("\rERR||OBX^1^5|102");
        assertThat(malformed.hasReport()).isFalse();
        assertThat(unknown.getAcknowledgementCode()).isEqualTo("AE");
        assertThat(unknown.getAcknowledgement()).contains("\rERR||PID^^3|204");
        assertThat(notOurs.getAcknowledgement()).contains("carries no patient id assigned by MEDICORE");
    }

    @Test
    void only_clinicians_and_partners_submit_and_an_empty_message_names_its_field() {
        assertThatThrownBy(() -> labServiceAs(tokenOf("patient")).submitHl7Message(SubmitHl7MessageRequest.newBuilder()
                .setText(aResultMessage().normalPanel().text()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> labServiceAs(tokenOf("doctor")).submitHl7Message(SubmitHl7MessageRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(violatedFields(e)).containsExactly("text"));
    }

    /** A message naming the record's patient as registered. */
    private ResultMessages forPatient(String patientId) {
        String family = patientServiceAs(tokenOf("doctor")).getPatient(org.medicore.contracts.patient.v1.GetPatientRequest
                .newBuilder().setPatientId(patientId).build()).getPatient().getName().getFamily();
        return aResultMessage().forRecord(patientId).named(family.toUpperCase(java.util.Locale.ROOT), "ANNA")
                .bornOn("19850314");
    }

    private SubmitHl7MessageResponse submit(ResultMessages message) {
        return labServiceAs(tokenOf("doctor")).submitHl7Message(SubmitHl7MessageRequest.newBuilder()
                .setText(message.text()).build());
    }
}
