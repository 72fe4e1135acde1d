package org.medicore.patient.domain;

/** The kinds of medical history entry; each has its own {@link ClinicalDetail}. */
public enum HistoryKind {
    CONDITION, ALLERGY, MEDICATION, NOTE
}
