package org.medicore.lab;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.lab.support.PatientErasures;
import org.medicore.lab.support.RunningLabProcessor;
import org.medicore.lab.support.StoredEverywhere;
import org.medicore.localstack.Topics;
import org.medicore.localstack.TestStack;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.support.PatientErasures.erasureOf;
import static org.medicore.lab.support.SampleReports.aTableReport;

/**
 * {@code medicore.erasure.retain-clinical-records=true}: on PatientErased the reports, their files and
 * their items stay (the clinic must keep them); only the outbox entries go. This service runs beside the
 * one of the other flow tests in the same JVM, so it reads erasures from a patient topic of its own, or the
 * other one would erase the reports first.
 */
@TestPropertySource(properties = {
        "medicore.erasure.retain-clinical-records=true",
        "spring.kafka.consumer.group-id=" + ErasureRetainingClinicalRecordsFlowTest.GROUP})
class ErasureRetainingClinicalRecordsFlowTest extends RunningLabProcessor {

    static final String GROUP = "medicore-lab-processor-retaining";
    private static final String TOPIC = Topics.PATIENTS + ".retaining-test";

    private PatientErasures erasures;
    private StoredEverywhere stored;

    @DynamicPropertySource
    static void ownPatientTopic(DynamicPropertyRegistry registry) {
        registry.add("medicore.lab.consumer.patients-topic", () -> {
            TestStack.kafka().ensureTopics(List.of(TOPIC), Topics.PARTITIONS);
            return TOPIC;
        });
    }

    @BeforeAll
    void erasuresAndStores() {
        erasures = new PatientErasures(TOPIC);
        stored = new StoredEverywhere(s3, "lab-reports-test");
    }

    @AfterAll
    void closeThem() {
        erasures.close();
        stored.close();
    }

    @Test
    void where_the_clinic_keeps_medical_records_an_erased_patients_reports_and_files_stay_and_their_outbox_entries_go()
            throws Exception {
        String doctor = tokenOf("doctor");
        String erased = aRegisteredPatient("", LocalDate.of(1931, 7, 9));
        String family = patientServiceAs(doctor).getPatient(GetPatientRequest.newBuilder().setPatientId(erased).build())
                .getPatient().getName().getFamily();
        byte[] held = printedFor(erased, aTableReport().withRow("Potassium", "6.9", "mmol/L", "3.5 - 5.1", "H")).pdf();
        String reportId = uploadUnconfirmed(doctor, erased, held);
        String key = "uploads/" + erased + "/" + reportId + ".pdf";
        putObject(key, held);
        labServiceAs(doctor).confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(reportId).build());
        assertThat(awaitFinal(doctor, reportId).getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        labEvents.of(reportId);
        awaitRelayed(erased);
        List<String> versions = stored.objectVersionsOf(key);
        assertThat(versions).hasSize(2);
        assertThat(outboxEntriesOf(erased)).isNotEmpty();

        erasures.publish(erasureOf(erased));
        erasures.awaitReadBy(GROUP);

        assertThat(stored.objectVersionsOf(key)).isEqualTo(versions);
        assertThat(awaitFinal(doctor, reportId).getStatus()).isEqualTo(LabReportStatus.NEEDS_REVIEW);
        assertThat(stored.items()).anyMatch(item -> item.contains("report#" + reportId) && item.contains(family));
        assertThat(outboxEntriesOf(erased)).isEmpty();
    }

    /** Kept where the relay has not yet published it: only published entries are for the erasure to take. */
    private void awaitRelayed(String patientId) throws InterruptedException {
        for (int tries = 0; tries < 100 && outboxEntriesOf(patientId).stream().anyMatch(e -> e.contains("pending_order")); tries++) {
            Thread.sleep(100);
        }
    }

    private List<String> outboxEntriesOf(String patientId) {
        return stored.items().stream().filter(item -> item.contains("event#") && item.contains(patientId)).toList();
    }
}
