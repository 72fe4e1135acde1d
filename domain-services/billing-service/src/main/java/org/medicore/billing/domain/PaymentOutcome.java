package org.medicore.billing.domain;

import java.util.List;

/** The outcome of paying into an invoice. */
public sealed interface PaymentOutcome {

    record Accepted(Invoice invoice, Payment payment, List<BillingEvent> events) implements PaymentOutcome {
    }

    record Refused(Refusal refusal) implements PaymentOutcome {
    }
}
