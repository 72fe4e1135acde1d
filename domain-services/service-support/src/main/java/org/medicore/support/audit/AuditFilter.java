package org.medicore.support.audit;

import java.time.Instant;

/** Which records a reader of the trail asks for; every part is optional, {@code to} is exclusive. */
public record AuditFilter(String patientId, String subject, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    public static AuditFilter ofPatient(String patientId) {
        return new AuditFilter(patientId, null, null, null);
    }
}
