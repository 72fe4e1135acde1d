package org.medicore.patient.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The patient aggregate: demographics under optimistic locking, owned by an optional Keycloak account. */
public record Patient(PatientId id, Demographics demographics, Optional<String> keycloakSubject,
                      String registeredAtClinicId, long version, Instant createdAt, Instant updatedAt) {

    public Patient {
        keycloakSubject = keycloakSubject == null ? Optional.empty() : keycloakSubject.filter(s -> !s.isBlank());
        registeredAtClinicId = registeredAtClinicId == null ? "" : registeredAtClinicId;
    }

    /** A new patient at version 1, and the event that announces it. */
    public static Registration register(PatientId id, Demographics demographics, Optional<String> keycloakSubject,
                                        String registeredAtClinicId, Instant now) {
        demographics.checkBornBy(today(now));
        Patient patient = new Patient(id, demographics, keycloakSubject, registeredAtClinicId, 1, now, now);
        PatientRegistered event = new PatientRegistered(UUID.randomUUID(), now, id, patient.registeredAtClinicId(),
                patient.keycloakSubject().isPresent());
        return new Registration(patient, event);
    }

    /**
     * The demographics replaced, if the caller read the current version. A new e-mail address, phone
     * number or preferred language is announced (messages must go there, in that language, from now
     * on); other changes concern nobody outside.
     */
    public DemographicsChange changeDemographics(long expectedVersion, List<DemographicsEdit> edits, Instant now) {
        if (expectedVersion != version) {
            return new DemographicsChange.StaleVersion(version);
        }
        Demographics changed = DemographicsEdit.applyAll(demographics, edits);
        changed.checkBornBy(today(now));
        Optional<PatientContactChanged> announced = demographics.reachedAsWith(changed)
                ? Optional.empty() : Optional.of(new PatientContactChanged(UUID.randomUUID(), now, id));
        return new DemographicsChange.Changed(
                new Patient(id, changed, keycloakSubject, registeredAtClinicId, version + 1, createdAt, now), announced);
    }

    public boolean isOwnedBy(String subject) {
        return keycloakSubject.filter(s -> s.equals(subject)).isPresent();
    }

    private static LocalDate today(Instant now) {
        // The earliest time zone's date: nobody born "today" anywhere on earth is refused.
        return now.atOffset(ZoneOffset.ofHours(14)).toLocalDate();
    }

    public record Registration(Patient patient, PatientRegistered event) {
    }
}
