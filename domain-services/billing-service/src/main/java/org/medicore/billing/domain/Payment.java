package org.medicore.billing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Money received against an invoice. */
public record Payment(UUID id, UUID invoiceId, Money amount, PaymentMethod method, String reference,
                      Instant receivedAt, Actor recordedBy, Instant recordedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
