package org.medicore.patient.domain;

/** Where a lab value lies relative to its reference range. */
public enum AbnormalFlag {
    UNSPECIFIED, NORMAL, LOW, HIGH, CRITICAL_LOW, CRITICAL_HIGH, ABNORMAL
}
