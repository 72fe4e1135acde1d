package org.medicore.patient.domain;

import java.util.Optional;

/** What {@link Patient#changeDemographics} decided. */
public sealed interface DemographicsChange {

    /** The changed patient, and the event to announce when the e-mail address, phone number or preferred language changed. */
    record Changed(Patient patient, Optional<PatientContactChanged> contactChanged) implements DemographicsChange {
    }

    record StaleVersion(long currentVersion) implements DemographicsChange {
    }
}
