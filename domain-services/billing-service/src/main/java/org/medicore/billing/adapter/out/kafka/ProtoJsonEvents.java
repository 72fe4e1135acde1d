package org.medicore.billing.adapter.out.kafka;

import org.medicore.support.tracing.TraceParent;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.billing.application.port.out.FormatEvent;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.port.OutboxMessage;
import org.medicore.billing.domain.AppointmentRef;
import org.medicore.billing.domain.BillingEvent;
import org.medicore.billing.domain.Money;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.billing.v1.PaymentMethod;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.contracts.events.v1.InvoicePaid;
import org.medicore.contracts.events.v1.InvoiceVoided;
import org.medicore.contracts.events.v1.PaymentRecorded;

import java.time.Instant;
import java.time.LocalDate;

/** Billing events in the proto3 JSON mapping of medicore.events.v1, as the topic carries them. */
final class ProtoJsonEvents implements FormatEvent {

    @Override
    public OutboxMessage format(BillingEvent event) {
        Message message = switch (event) {
            case BillingEvent.InvoiceIssued issued -> issued(issued);
            case BillingEvent.PaymentRecorded recorded -> recorded(recorded);
            case BillingEvent.InvoicePaid paid -> paid(paid);
            case BillingEvent.InvoiceVoided voided -> voided(voided);
        };
        return EventEnvelope.of(event.eventId(), event.invoiceId().toString(), event.occurredAt(), message,
                TraceParent.current());
    }

    private static InvoiceIssued issued(BillingEvent.InvoiceIssued event) {
        AppointmentRef appointment = event.appointment();
        return InvoiceIssued.newBuilder()
                .setEventId(event.eventId().toString())
                .setOccurredAt(timestamp(event.occurredAt()))
                .setInvoiceId(event.invoiceId().toString())
                .setInvoiceNumber(event.number().toString())
                .setPatientId(event.patientId().toString())
                .setAppointmentId(appointment.appointmentId().toString())
                .setChargeReason(ChargeReason.valueOf(event.reason().name()))
                .setTotal(money(event.total()))
                .setDueDate(date(event.dueDate()))
                .setPractitionerId(appointment.practitionerId())
                .setDepartment(appointment.department())
                .setClinicId(appointment.clinicId())
                .build();
    }

    private static PaymentRecorded recorded(BillingEvent.PaymentRecorded event) {
        AppointmentRef appointment = event.appointment();
        return PaymentRecorded.newBuilder()
                .setEventId(event.eventId().toString())
                .setOccurredAt(timestamp(event.occurredAt()))
                .setInvoiceId(event.invoiceId().toString())
                .setPaymentId(event.payment().id().toString())
                .setPatientId(event.patientId().toString())
                .setAmount(money(event.payment().amount()))
                .setMethod(PaymentMethod.valueOf(event.payment().method().name()))
                .setReceivedAt(timestamp(event.payment().receivedAt()))
                .setBalanceDue(money(event.balanceDue()))
                .setPractitionerId(appointment.practitionerId())
                .setDepartment(appointment.department())
                .setClinicId(appointment.clinicId())
                .build();
    }

    private static InvoicePaid paid(BillingEvent.InvoicePaid event) {
        AppointmentRef appointment = event.appointment();
        return InvoicePaid.newBuilder()
                .setEventId(event.eventId().toString())
                .setOccurredAt(timestamp(event.occurredAt()))
                .setInvoiceId(event.invoiceId().toString())
                .setInvoiceNumber(event.number().toString())
                .setPatientId(event.patientId().toString())
                .setAmountPaid(money(event.amountPaid()))
                .setSettlingPaymentId(event.settlingPaymentId().toString())
                .setPractitionerId(appointment.practitionerId())
                .setDepartment(appointment.department())
                .setClinicId(appointment.clinicId())
                .build();
    }

    private static InvoiceVoided voided(BillingEvent.InvoiceVoided event) {
        AppointmentRef appointment = event.appointment();
        return InvoiceVoided.newBuilder()
                .setEventId(event.eventId().toString())
                .setOccurredAt(timestamp(event.occurredAt()))
                .setInvoiceId(event.invoiceId().toString())
                .setInvoiceNumber(event.number().toString())
                .setPatientId(event.patientId().toString())
                .setTotal(money(event.total()))
                .setReason(event.reason())
                .setIssuedAt(timestamp(event.issuedAt()))
                .setPractitionerId(appointment.practitionerId())
                .setDepartment(appointment.department())
                .setClinicId(appointment.clinicId())
                .build();
    }

    private static org.medicore.contracts.common.v1.Money money(Money money) {
        return org.medicore.contracts.common.v1.Money.newBuilder()
                .setAmountMinor(money.amountMinor()).setCurrency(money.currency().getCurrencyCode()).build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }
}
