package org.medicore.billing.application.port.out;

import java.util.Optional;
import java.util.UUID;

/** Remembers which payment a client's idempotency key produced. */
public interface IdempotencyKeys {

    Optional<Remembered> paymentFor(String idempotencyKey);

    record Key(String value, String requestFingerprint) {
    }

    record Remembered(UUID paymentId, UUID invoiceId, String requestFingerprint) {
    }
}
