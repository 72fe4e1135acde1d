package org.medicore.patient.domain;

/** Administrative sex, as recorded for the patient. */
public enum Sex {
    UNSPECIFIED, FEMALE, MALE, OTHER, UNKNOWN
}
