package org.medicore.billing.domain;

/** ISSUED -> PARTIALLY_PAID -> PAID, or ISSUED -> VOID. */
public enum InvoiceStatus {
    ISSUED,
    PARTIALLY_PAID,
    PAID,
    VOID;

    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
