package org.medicore.billing.adapter.out.kafka;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.medicore.billing.domain.BillingEvent;
import org.medicore.billing.domain.InvoiceNumber;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.contracts.events.v1.InvoicePaid;
import org.medicore.contracts.events.v1.InvoiceVoided;
import org.medicore.contracts.events.v1.PaymentRecorded;
import org.medicore.support.mapping.ProtoMapping;

/** Billing events as medicore.events.v1 messages; each carries the appointment's practitioner, department and clinic. */
@Mapper(config = ProtoMapping.class)
interface BillingEventProtos {

    BillingEventProtos PROTOS = Mappers.getMapper(BillingEventProtos.class);

    @Mapping(target = "invoiceNumber", source = "number")
    @Mapping(target = "appointmentId", source = "appointment.appointmentId")
    @Mapping(target = "chargeReason", source = "reason")
    @AppointmentFacts
    InvoiceIssued issued(BillingEvent.InvoiceIssued event);

    @Mapping(target = "paymentId", source = "payment.id")
    @Mapping(target = "amount", source = "payment.amount")
    @Mapping(target = "method", source = "payment.method")
    @Mapping(target = "receivedAt", source = "payment.receivedAt")
    @AppointmentFacts
    PaymentRecorded recorded(BillingEvent.PaymentRecorded event);

    @Mapping(target = "invoiceNumber", source = "number")
    @AppointmentFacts
    InvoicePaid paid(BillingEvent.InvoicePaid event);

    @Mapping(target = "invoiceNumber", source = "number")
    @AppointmentFacts
    InvoiceVoided voided(BillingEvent.InvoiceVoided event);

    org.medicore.contracts.common.v1.Money money(org.medicore.billing.domain.Money money);

    default String number(InvoiceNumber number) {
        return number.toString();
    }
}
