package org.medicore.billing.application.port.in;

import org.medicore.billing.domain.Charge;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The events billing reacts to, each applied exactly once per event id. */
public interface ApplyBillingEvents {

    Applied openAccount(PatientRegistration registration);

    Applied charge(ChargeEvent event);

    /**
     * The patient was erased (GDPR art. 17). Invoices and payments stay under the pseudonymous patient id
     * (financial records the clinic must keep by tax law; they hold no name, e-mail or birth date); charges
     * parked for an account that will never open are dropped.
     */
    Applied forget(PatientErasure erasure);

    record PatientRegistration(UUID eventId, String eventType, UUID patientId, Instant occurredAt) {
        public PatientRegistration {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    record PatientErasure(UUID eventId, String eventType, UUID patientId, Instant approvedAt) {
        public PatientErasure {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(approvedAt, "approvedAt");
        }
    }

    record ChargeEvent(UUID eventId, String eventType, Charge charge) {
        public ChargeEvent {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(charge, "charge");
        }
    }

    enum Applied {
        /** The effect is written, with the event id. */
        APPLIED,
        /** The event id was seen before: nothing changed. */
        ALREADY_APPLIED,
        /** The patient has no account yet: the charge waits until the account opens. */
        PARKED
    }
}
