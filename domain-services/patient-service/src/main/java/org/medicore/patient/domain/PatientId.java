package org.medicore.patient.domain;

import java.util.UUID;

public record PatientId(String value) {

    public PatientId {
        new Violations().uuid("patient_id", value).throwIfAny();
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
