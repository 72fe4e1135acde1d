package org.medicore.lab.application.port.in;

/**
 * A patient's lab reports erased once patient-service has erased the patient (GDPR art. 17,
 * {@code PatientErased}): their files with every version, their items, their outbox entries. Doing it
 * again finds nothing more to erase; a patient without reports is nothing to do.
 */
public interface ErasePatientReports {

    Erased eraseReportsOf(String patientId);

    /** What went: reports (items), object versions and delete markers, outbox entries. */
    record Erased(int reports, int objectVersions, int events) {
    }
}
