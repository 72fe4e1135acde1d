package org.medicore.billing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The appointment an invoice charges for, with the dimensions analytics splits revenue by. */
public record AppointmentRef(UUID appointmentId, String practitionerId, String department, String clinicId, Instant start) {

    public AppointmentRef {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(clinicId, "clinicId");
        Objects.requireNonNull(start, "start");
    }
}
