package org.medicore.patient.domain;

import java.time.Instant;
import java.util.UUID;

/** What the patient aggregate announces on its topic: whom it concerns and when, never demographics. */
public sealed interface PatientEvent permits PatientRegistered, PatientContactChanged, PatientErased {

    UUID eventId();

    Instant occurredAt();

    PatientId patientId();
}
