package org.medicore.bff.patient;

import java.time.LocalDate;
import java.util.List;

/** The patient feature's GraphQL inputs, bound by Spring for GraphQL. */
final class PatientInputs {

    private PatientInputs() {
    }

    record PatientSearch(String familyNamePrefix, String givenNamePrefix, LocalDate dateOfBirth) {
    }

    record PersonNameInput(String given, String family) {
    }

    record AddressInput(List<String> lines, String postalCode, String city, String region, String countryCode) {
    }

    record ContactDetailsInput(String email, String phone, AddressInput address) {
    }

    record UpdatePatientInput(String patientId, Long expectedVersion, PersonNameInput name, LocalDate dateOfBirth,
                              String sex, ContactDetailsInput contact) {
    }

    record AddHistoryEntryInput(String patientId, String kind, String text, String severity, String dosage) {
    }
}
