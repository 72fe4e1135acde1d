package org.medicore.billing.adapter.out.kafka;

import org.medicore.support.tracing.TraceParent;
import com.google.protobuf.Message;
import org.medicore.billing.application.port.out.FormatEvent;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.port.OutboxMessage;
import org.medicore.billing.domain.BillingEvent;

/** Billing events in the proto3 JSON mapping of medicore.events.v1, as the topic carries them. */
final class ProtoJsonEvents implements FormatEvent {

    @Override
    public OutboxMessage format(BillingEvent event) {
        Message message = switch (event) {
            case BillingEvent.InvoiceIssued issued -> BillingEventProtos.PROTOS.issued(issued);
            case BillingEvent.PaymentRecorded recorded -> BillingEventProtos.PROTOS.recorded(recorded);
            case BillingEvent.InvoicePaid paid -> BillingEventProtos.PROTOS.paid(paid);
            case BillingEvent.InvoiceVoided voided -> BillingEventProtos.PROTOS.voided(voided);
        };
        return EventEnvelope.of(event.eventId(), event.invoiceId().toString(), event.occurredAt(), message,
                TraceParent.current());
    }
}
