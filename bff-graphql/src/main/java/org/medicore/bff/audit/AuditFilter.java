package org.medicore.bff.audit;

import java.time.Instant;

/** The GraphQL input AuditFilter; every part is optional. */
public record AuditFilter(String patientId, String subject, Instant from, Instant to) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    static AuditFilter ofPatient(String patientId) {
        return new AuditFilter(patientId, null, null, null);
    }
}
