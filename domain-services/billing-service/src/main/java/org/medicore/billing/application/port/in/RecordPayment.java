package org.medicore.billing.application.port.in;

import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.Payment;
import org.medicore.billing.domain.PaymentMethod;
import org.medicore.support.port.Outcome;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Recording a payment (BILLING, ADMIN), idempotent on the caller's key. */
public interface RecordPayment {

    Outcome<Receipt> record(Caller caller, PaymentCommand command);

    /** receivedAt empty means "now". */
    record PaymentCommand(String idempotencyKey, UUID invoiceId, Money amount, PaymentMethod method, String reference,
                          Optional<Instant> receivedAt) {
        public PaymentCommand {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(receivedAt, "receivedAt");
            if (idempotencyKey.isBlank()) {
                throw new IllegalArgumentException("idempotency key required");
            }
        }

        /** Identifies the request behind a key, so a reused key with another request is caught. */
        public String fingerprint() {
            return String.join("|", invoiceId.toString(), amount.toString(), method.name(), reference,
                    receivedAt.map(Instant::toString).orElse("now"));
        }
    }

    record Receipt(Payment payment, Invoice invoice) {
    }
}
