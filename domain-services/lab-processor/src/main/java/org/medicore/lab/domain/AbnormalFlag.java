package org.medicore.lab.domain;

public enum AbnormalFlag {
    UNSPECIFIED, NORMAL, LOW, HIGH, CRITICAL_LOW, CRITICAL_HIGH,
    /** Abnormal without a direction, e.g. a "Positive" where the range is "Negative". */
    ABNORMAL;

    public boolean isAbnormal() {
        return this == LOW || this == HIGH || this == ABNORMAL || isCritical();
    }

    public boolean isCritical() {
        return this == CRITICAL_LOW || this == CRITICAL_HIGH;
    }
}
