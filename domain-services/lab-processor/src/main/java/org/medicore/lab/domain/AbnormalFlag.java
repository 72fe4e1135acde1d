package org.medicore.lab.domain;

public enum AbnormalFlag {
    UNSPECIFIED, NORMAL, LOW, HIGH
}
