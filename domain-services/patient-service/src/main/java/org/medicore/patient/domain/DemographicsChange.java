package org.medicore.patient.domain;

/** What {@link Patient#changeDemographics} decided. */
public sealed interface DemographicsChange {

    record Changed(Patient patient) implements DemographicsChange {
    }

    record StaleVersion(long currentVersion) implements DemographicsChange {
    }
}
