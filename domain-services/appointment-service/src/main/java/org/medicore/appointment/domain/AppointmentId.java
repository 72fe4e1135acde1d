package org.medicore.appointment.domain;

import java.util.Objects;
import java.util.UUID;

public record AppointmentId(UUID value) {

    public AppointmentId {
        Objects.requireNonNull(value, "appointment id");
    }

    public static AppointmentId parse(String text) {
        return new AppointmentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
