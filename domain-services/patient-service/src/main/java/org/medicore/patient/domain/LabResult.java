package org.medicore.patient.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One lab value attached to a patient, stored once per idempotency key. */
public record LabResult(UUID id, PatientId patientId, LabMeasurement measurement, Instant recordedAt) {

    /** The lab's clock and ours may disagree a little; more than this ahead is a wrong date, not skew. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A new result recorded {@code now}; a measurement from the future is refused. */
    public static LabResult attach(PatientId patientId, LabMeasurement measurement, Instant now) {
        if (measurement.observedAt().isAfter(now.plus(CLOCK_SKEW))) {
            new Violations().add("result.observed_at", "must not be in the future").throwIfAny();
        }
        return new LabResult(UUID.randomUUID(), patientId, measurement, now);
    }

    /** Whether a request with the same idempotency key asked for exactly this result again. */
    public boolean isRepeatOf(PatientId otherPatient, LabMeasurement otherMeasurement) {
        return patientId.equals(otherPatient) && measurement.equals(otherMeasurement);
    }
}
