package org.medicore.appointment.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

public record Practitioner(PractitionerId id, PersonName name, String specialty, String department, String clinicId,
                           ZoneId timeZone, Optional<String> keycloakSubject, long version,
                           Instant createdAt, Instant updatedAt) {

    public Practitioner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "time zone");
        specialty = Objects.requireNonNullElse(specialty, "");
        department = Objects.requireNonNullElse(department, "");
        clinicId = Objects.requireNonNullElse(clinicId, "");
        keycloakSubject = keycloakSubject.filter(subject -> !subject.isBlank());
    }

    public PractitionerRef ref() {
        return new PractitionerRef(id, department, clinicId, timeZone, keycloakSubject);
    }
}
