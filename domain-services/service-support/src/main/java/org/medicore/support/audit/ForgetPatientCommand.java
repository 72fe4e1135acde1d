package org.medicore.support.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * @param patientId      the patient to forget
 * @param accountSubject their login's token subject where it is not their patient id (registered by staff first)
 * @param erasedBy       the admin who carries the erasure out
 * @param approvedBy     the admin who approved the request (the approval itself happens before this)
 */
public record ForgetPatientCommand(String patientId, Optional<String> accountSubject, String erasedBy, String approvedBy) {

    public ForgetPatientCommand {
        patientId = required(patientId, "patientId");
        accountSubject = Objects.requireNonNull(accountSubject, "accountSubject").filter(subject -> !subject.isBlank());
        erasedBy = required(erasedBy, "erasedBy");
        approvedBy = required(approvedBy, "approvedBy");
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
