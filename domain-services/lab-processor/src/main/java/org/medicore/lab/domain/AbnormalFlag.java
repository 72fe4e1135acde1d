package org.medicore.lab.domain;

public enum AbnormalFlag {
    UNSPECIFIED, NORMAL, LOW, HIGH, CRITICAL_LOW, CRITICAL_HIGH;

    public boolean isAbnormal() {
        return this == LOW || this == HIGH || isCritical();
    }

    public boolean isCritical() {
        return this == CRITICAL_LOW || this == CRITICAL_HIGH;
    }
}
