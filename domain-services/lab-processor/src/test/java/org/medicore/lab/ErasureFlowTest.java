package org.medicore.lab;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.lab.application.port.in.ReceiveDroppedMessage;
import org.medicore.lab.support.PatientErasures;
import org.medicore.lab.support.ResultMessages;
import org.medicore.lab.support.RunningLabProcessor;
import org.medicore.lab.support.StoredEverywhere;
import org.medicore.localstack.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.support.PatientErasures.erasureOf;
import static org.medicore.lab.support.SampleReports.aTableReport;
import static org.medicore.lab.support.SampleReports.aWordDocument;

/**
 * GDPR art. 17 in lab-processor: PatientErased on the real medicore.patients.v1 erases the patient's
 * reports in the real S3-compatible store (its lab bucket versioned, as in the cloud) and DynamoDB Local, and nothing
 * of anyone else's.
 */
class ErasureFlowTest extends RunningLabProcessor {

    private static final String GROUP = "medicore-lab-processor";

    @Autowired
    private ReceiveDroppedMessage receiveDroppedMessage;
    private PatientErasures erasures;
    private StoredEverywhere stored;

    @BeforeAll
    void erasuresAndStores() {
        erasures = new PatientErasures(Topics.PATIENTS);
        stored = new StoredEverywhere(s3, "lab-reports-test");
    }

    @AfterAll
    void closeThem() {
        erasures.close();
        stored.close();
    }

    @Test
    void an_erased_patients_reports_leave_no_object_version_and_no_item_naming_them_and_another_patients_stay()
            throws Exception {
        String doctor = tokenOf("doctor");
        LocalDate born = aBirthDate();
        String erased = aRegisteredPatient("", born);
        String other = aRegisteredPatient("", LocalDate.of(1932, 1, 1));
        String family = familyNameOf(erased);

        // matched, its PDF uploaded twice: two versions
        byte[] matched = printedFor(erased, aTableReport()).pdf();
        String twice = uploadUnconfirmed(doctor, erased, matched);
        putObject(key(erased, twice), matched);
        labServiceAs(doctor).confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(twice).build());
        // held for a critical value: the item keeps the identity printed
        String critical = upload(doctor, erased,
                printedFor(erased, aTableReport().withRow("Potassium", "6.9", "mmol/L", "3.5 - 5.1", "H")).pdf());
        // held as another person's: the finding, in the item and the relayed LabReportHeld, names the record
        String mismatch = upload(doctor, erased, aTableReport().forPatient("GONZALEZ, Maria", "1961-03-14").pdf());
        // refused: moved to quarantine, leaving a delete marker over its upload
        String rejected = upload(doctor, erased, aWordDocument());
        // a result message the lab dropped as a file, kept under the report it became: it prints the patient
        String dropped = "acme-" + UUID.randomUUID() + ".hl7";
        putObject("hl7/" + dropped, ResultMessages.aResultMessage().forRecord(erased).named(family, "Anna")
                .bornOn(born.format(DateTimeFormatter.BASIC_ISO_DATE)).normalPanel().bytes());
        assertThat(receiveDroppedMessage.receiveDropped("hl7/" + dropped)).hasValueSatisfying(receipt -> assertThat(receipt.code()).isEqualTo("AA"));
        assertThat(stored.objectVersions()).anyMatch(version -> version.startsWith("hl7-received/" + erased + "/"));
        String kept = upload(doctor, other, printedFor(other, aTableReport()).pdf());
        List<LabReportStatus> statuses = new ArrayList<>();
        for (String reportId : List.of(twice, critical, mismatch, rejected, kept)) {
            statuses.add(awaitFinal(doctor, reportId).getStatus());
        }
        assertThat(statuses).containsExactly(LabReportStatus.PROCESSED, LabReportStatus.NEEDS_REVIEW, LabReportStatus.NEEDS_REVIEW,
                        LabReportStatus.REJECTED, LabReportStatus.PROCESSED);
        List.of(twice, critical, mismatch, rejected, kept).forEach(labEvents::of);
        assertThat(stored.objectVersionsOf(key(erased, twice))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stored.objectVersionsOf(key(erased, rejected))).anyMatch(v -> v.endsWith("(delete marker)"));
        assertThat(stored.items()).as("the scan sees the name where it is").anyMatch(item -> item.contains(family));
        List<String> keptVersions = stored.objectVersionsOf(key(other, kept));

        PatientErased erasure = erasureOf(erased);
        erasures.publish(erasure);
        erasures.awaitReadBy(GROUP);

        assertThat(stored.objectVersions()).noneMatch(version -> version.contains(erased));
        assertThat(stored.items()).noneMatch(item -> item.contains(erased) || item.contains(family)
                || item.contains(born.toString()));
        assertThat(stored.objectVersionsOf(key(other, kept))).isEqualTo(keptVersions).isNotEmpty();
        assertThat(labServiceAs(doctor).getReportStatus(GetReportStatusRequest.newBuilder().setReportId(kept).build())
                .getReport().getStatus()).isEqualTo(LabReportStatus.PROCESSED);

        // the same event again, and an erasure of a patient lab-processor never saw: nothing more changes
        List<String> versionsBefore = stored.objectVersions();
        List<String> itemsBefore = stored.items();
        erasures.publish(erasure);
        erasures.publish(erasureOf(UUID.randomUUID().toString()));
        erasures.awaitReadBy(GROUP);
        assertThat(stored.objectVersions()).containsExactlyInAnyOrderElementsOf(versionsBefore);
        assertThat(stored.items()).containsExactlyInAnyOrderElementsOf(itemsBefore);
    }

    private static String key(String patientId, String reportId) {
        return "uploads/" + patientId + "/" + reportId + ".pdf";
    }

    private String familyNameOf(String patientId) {
        return patientServiceAs(tokenOf("doctor")).getPatient(GetPatientRequest.newBuilder().setPatientId(patientId).build())
                .getPatient().getName().getFamily();
    }

    /** A birth date no other test's patient has (they are born in 1985, 1961 or 1932). */
    private static LocalDate aBirthDate() {
        return LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 15));
    }
}
