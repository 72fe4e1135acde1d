package org.medicore.billing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A patient's billing account, opened when the patient registers. */
public record BillingAccount(UUID id, UUID patientId, Instant openedAt, Instant updatedAt) {

    public BillingAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static BillingAccount openFor(UUID patientId, Instant now) {
        return new BillingAccount(UUID.randomUUID(), patientId, now, now);
    }
}
