package org.medicore.billing.domain;

/** The outcome of voiding an invoice. */
public sealed interface VoidOutcome {

    record Voided(Invoice invoice, BillingEvent.InvoiceVoided event) implements VoidOutcome {
    }

    record Refused(Refusal refusal) implements VoidOutcome {
    }
}
