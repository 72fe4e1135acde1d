package org.medicore.billing.domain;

import java.util.Objects;

/** The prices of one appointment type, before tax; a zero fee means nothing is charged. */
public record AppointmentFee(AppointmentType type, Money fee, Money lateCancellationFee, Money noShowFee) {

    public AppointmentFee {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(lateCancellationFee, "lateCancellationFee");
        Objects.requireNonNull(noShowFee, "noShowFee");
    }

    public Money priceOf(ChargeReason reason) {
        return switch (reason) {
            case VISIT -> fee;
            case LATE_CANCELLATION -> lateCancellationFee;
            case NO_SHOW -> noShowFee;
        };
    }
}
