package org.medicore.lab.domain;

import java.time.LocalDate;
import java.util.Optional;

/** The patient a report was uploaded for, as the patient record holds them. */
public record PatientRecord(String id, String givenName, String familyName, Optional<LocalDate> dateOfBirth) {

    public String describe() {
        return givenName + " " + familyName + dateOfBirth.map(day -> ", born " + day).orElse("");
    }
}
