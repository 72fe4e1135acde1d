package org.medicore.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What billing tells the rest of the system, on topic medicore.billing.v1 through the outbox. */
public sealed interface BillingEvent {

    UUID eventId();

    Instant occurredAt();

    UUID invoiceId();

    record InvoiceIssued(UUID eventId, Instant occurredAt, UUID invoiceId, InvoiceNumber number, UUID patientId,
                         AppointmentRef appointment, ChargeReason reason, Money total, LocalDate dueDate)
            implements BillingEvent {
    }

    record PaymentRecorded(UUID eventId, Instant occurredAt, UUID invoiceId, Payment payment, UUID patientId,
                           Money balanceDue, AppointmentRef appointment) implements BillingEvent {
    }

    record InvoicePaid(UUID eventId, Instant occurredAt, UUID invoiceId, InvoiceNumber number, UUID patientId,
                       Money amountPaid, UUID settlingPaymentId, AppointmentRef appointment) implements BillingEvent {
    }

    record InvoiceVoided(UUID eventId, Instant occurredAt, UUID invoiceId, InvoiceNumber number, UUID patientId,
                         Money total, String reason, Instant issuedAt, AppointmentRef appointment)
            implements BillingEvent {
    }
}
