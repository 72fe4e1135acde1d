package org.medicore.appointment.domain;

import java.util.Objects;
import java.util.UUID;

public record PractitionerId(UUID value) {

    public PractitionerId {
        Objects.requireNonNull(value, "practitioner id");
    }

    public static PractitionerId parse(String text) {
        return new PractitionerId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
