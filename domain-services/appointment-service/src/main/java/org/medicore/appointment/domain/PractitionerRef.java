package org.medicore.appointment.domain;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** What an appointment knows of its practitioner: placement for events, zone and account for rules. */
public record PractitionerRef(PractitionerId id, String department, String clinicId, ZoneId timeZone,
                              Optional<String> keycloakSubject) {

    public PractitionerRef {
        Objects.requireNonNull(id, "practitioner id");
        Objects.requireNonNull(timeZone, "time zone");
    }

    public boolean isAccountOf(Caller caller) {
        return keycloakSubject.filter(caller.subject()::equals).isPresent();
    }
}
