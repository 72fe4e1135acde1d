package org.medicore.billing.domain;

import java.util.Objects;
import java.util.UUID;

/** Something chargeable that happened to an appointment: it took place, was cancelled late, or was missed. */
public record Charge(UUID patientId, AppointmentRef appointment, AppointmentType type, ChargeReason reason) {

    public Charge {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }
}
