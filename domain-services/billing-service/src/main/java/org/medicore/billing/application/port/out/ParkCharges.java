package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.Charge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Charges that arrived before their patient's account, waiting for it. */
public interface ParkCharges {

    void park(ParkedCharge charge, Instant at);

    /** Removes and returns the patient's parked charges, oldest event first. */
    List<ParkedCharge> unpark(UUID patientId);

    record ParkedCharge(UUID eventId, Instant occurredAt, Charge charge) {
    }
}
