package org.medicore.appointment.domain;

public record PersonName(String given, String family) {

    public PersonName {
        if (given == null || given.isBlank() || family == null || family.isBlank()) {
            throw new IllegalArgumentException("given and family name are required");
        }
    }
}
