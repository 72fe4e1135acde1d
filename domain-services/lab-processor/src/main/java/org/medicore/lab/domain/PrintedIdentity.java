package org.medicore.lab.domain;

import java.time.LocalDate;
import java.util.Optional;

/** Who a report says it is about, as printed on it: name, date of birth, MRN or clinic patient id. */
public record PrintedIdentity(Optional<String> name, Optional<LocalDate> dateOfBirth, Optional<String> patientNumber) {

    public static final PrintedIdentity NONE = new PrintedIdentity(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return name.isEmpty() && dateOfBirth.isEmpty() && patientNumber.isEmpty();
    }
}
