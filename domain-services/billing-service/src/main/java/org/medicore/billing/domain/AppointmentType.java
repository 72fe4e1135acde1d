package org.medicore.billing.domain;

/** The kinds of appointment the fee schedule prices. */
public enum AppointmentType {
    CONSULTATION("Consultation"),
    FOLLOW_UP("Follow-up"),
    LAB_VISIT("Lab visit");

    private final String label;

    AppointmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
