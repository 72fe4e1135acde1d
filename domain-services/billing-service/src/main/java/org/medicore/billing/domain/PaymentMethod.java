package org.medicore.billing.domain;

public enum PaymentMethod {
    CASH,
    CARD,
    BANK_TRANSFER,
    INSURANCE
}
