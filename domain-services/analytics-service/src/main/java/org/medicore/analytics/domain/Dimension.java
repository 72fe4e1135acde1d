package org.medicore.analytics.domain;

/** What window figures are grouped by. */
public enum Dimension {
    CLINIC,
    DEPARTMENT,
    PRACTITIONER
}
