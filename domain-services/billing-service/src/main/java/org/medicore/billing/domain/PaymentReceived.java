package org.medicore.billing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What the cashier says was received, before the invoice accepts or refuses it. */
public record PaymentReceived(UUID paymentId, Money amount, PaymentMethod method, String reference,
                              Instant receivedAt, Actor recordedBy) {

    public PaymentReceived {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
