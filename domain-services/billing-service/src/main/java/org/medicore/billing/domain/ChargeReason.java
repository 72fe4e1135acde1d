package org.medicore.billing.domain;

/** What an invoice charges for. */
public enum ChargeReason {
    VISIT,
    LATE_CANCELLATION,
    NO_SHOW
}
