package org.medicore.bff.patient;

import java.time.LocalDate;

/** The patient feature's GraphQL inputs, bound by Spring for GraphQL. */
final class PatientInputs {

    private PatientInputs() {
    }

    record PatientSearch(String familyNamePrefix, String givenNamePrefix, LocalDate dateOfBirth) {
    }

    record AddHistoryEntryInput(String patientId, String kind, String text, String severity, String dosage) {
    }
}
