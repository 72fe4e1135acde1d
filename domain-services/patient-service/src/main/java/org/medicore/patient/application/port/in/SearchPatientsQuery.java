package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.PersonName;
import org.medicore.patient.domain.SearchableName;
import org.medicore.patient.domain.Violations;

import java.time.LocalDate;
import java.util.Optional;

/** Family-name prefix and/or date of birth, combined with AND; names compared as {@link SearchableName}. */
public record SearchPatientsQuery(String familyNamePrefix, String givenNamePrefix, Optional<LocalDate> dateOfBirth,
                                  int pageSize, String pageToken) {

    public SearchPatientsQuery {
        familyNamePrefix = SearchableName.normalize(familyNamePrefix);
        givenNamePrefix = SearchableName.normalize(givenNamePrefix);
        dateOfBirth = dateOfBirth == null ? Optional.empty() : dateOfBirth;
        pageToken = pageToken == null ? "" : pageToken;
        Violations violations = new Violations();
        if (familyNamePrefix.isEmpty() && dateOfBirth.isEmpty()) {
            violations.add("family_name_prefix", "a family-name prefix or a date of birth is required");
        }
        if (familyNamePrefix.length() == 1) {
            violations.add("family_name_prefix", "must have at least 2 characters");
        }
        violations.maxLength("family_name_prefix", familyNamePrefix, PersonName.MAX_LENGTH)
                .maxLength("given_name_prefix", givenNamePrefix, PersonName.MAX_LENGTH);
        if (!givenNamePrefix.isEmpty() && familyNamePrefix.isEmpty()) {
            violations.add("given_name_prefix", "applies only together with family_name_prefix");
        }
        pageSize = PageRequest.checkedSize(pageSize, violations);
        violations.throwIfAny();
    }
}
