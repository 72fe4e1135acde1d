package org.medicore.appointment.domain;

import java.time.Instant;
import java.util.Objects;

/** On whose behalf and by whom an appointment was cancelled; late when a patient cancels within 24 hours. */
public record Cancellation(CancellingParty cancelledBy, Actor recordedBy, String reason, Instant cancelledAt, boolean late) {

    public Cancellation {
        Objects.requireNonNull(cancelledBy, "cancelled by");
        Objects.requireNonNull(recordedBy, "recorded by");
        Objects.requireNonNull(cancelledAt, "cancelled at");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation needs a reason");
        }
    }
}
