package org.medicore.appointment.adapter.out.kafka;

import org.medicore.support.tracing.TraceParent;
import com.google.protobuf.Message;
import org.medicore.appointment.application.port.out.FormatEvent;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.port.OutboxMessage;
import org.medicore.appointment.domain.AppointmentEvent;

/**
 * Domain events as medicore.events.v2 messages in the proto3 JSON mapping: the topic's wire form.
 * Rows the outbox holds from before v2 keep their v1 form and are relayed as they are.
 */
final class ProtoEventFormat implements FormatEvent {

    @Override
    public OutboxMessage format(AppointmentEvent event) {
        return EventEnvelope.of(event.eventId(), event.facts().appointmentId().toString(), event.occurredAt(),
                toProto(event), TraceParent.current());
    }

    static Message toProto(AppointmentEvent event) {
        return switch (event) {
            case AppointmentEvent.AppointmentBooked booked -> AppointmentEventProtos.PROTOS.booked(booked);
            case AppointmentEvent.AppointmentCancelled cancelled -> AppointmentEventProtos.PROTOS.cancelled(cancelled);
            case AppointmentEvent.AppointmentRescheduled moved -> AppointmentEventProtos.PROTOS.rescheduled(moved);
            case AppointmentEvent.AppointmentCompleted completed -> AppointmentEventProtos.PROTOS.completed(completed);
            case AppointmentEvent.AppointmentNoShow noShow -> AppointmentEventProtos.PROTOS.noShow(noShow);
            case AppointmentEvent.AppointmentOutsideWorkingHours outside ->
                    AppointmentEventProtos.PROTOS.outsideWorkingHours(outside);
        };
    }
}

