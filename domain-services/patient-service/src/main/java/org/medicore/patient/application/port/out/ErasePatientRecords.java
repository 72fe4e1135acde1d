package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.PatientId;

/**
 * Removes what patient-service stores of a patient: the record and every item that names them, and unless the clinic
 * keeps clinical records, their history and lab results too. Doing it again removes what is left, so a retry after a
 * failure part-way finishes the job.
 */
public interface ErasePatientRecords {

    void erase(PatientId patient, boolean keepClinicalRecords);
}
