package org.medicore.appointment.domain;

import java.time.Instant;
import java.util.Objects;

public record WorkingHours(PractitionerId practitionerId, WeeklySchedule schedule, long version, Instant updatedAt) {

    public WorkingHours {
        Objects.requireNonNull(practitionerId, "practitioner id");
        Objects.requireNonNull(schedule, "schedule");
    }
}
