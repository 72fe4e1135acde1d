package org.medicore.billing.domain;

/** Why an invoice refuses a change. */
public enum Refusal {
    INVOICE_VOID,
    INVOICE_PAID,
    AMOUNT_EXCEEDS_BALANCE,
    HAS_PAYMENTS,
    AMOUNT_NOT_POSITIVE,
    CURRENCY_MISMATCH
}
