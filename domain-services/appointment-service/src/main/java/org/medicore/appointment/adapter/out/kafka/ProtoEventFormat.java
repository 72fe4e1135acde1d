package org.medicore.appointment.adapter.out.kafka;

import org.medicore.support.tracing.TraceParent;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import org.medicore.appointment.application.port.out.FormatEvent;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.port.OutboxMessage;
import org.medicore.appointment.domain.AppointmentEvent;
import org.medicore.appointment.domain.AppointmentFacts;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.events.v1.AppointmentBooked;
import org.medicore.contracts.events.v1.AppointmentCancelled;
import org.medicore.contracts.events.v1.AppointmentCompleted;
import org.medicore.contracts.events.v1.AppointmentNoShow;
import org.medicore.contracts.events.v1.AppointmentOutsideWorkingHours;
import org.medicore.contracts.events.v1.AppointmentRescheduled;

import java.time.Instant;

/** Domain events as medicore.events.v1 messages in the proto3 JSON mapping: the topic's wire form. */
final class ProtoEventFormat implements FormatEvent {

    @Override
    public OutboxMessage format(AppointmentEvent event) {
        return EventEnvelope.of(event.eventId(), event.facts().appointmentId().toString(), event.occurredAt(),
                toProto(event), TraceParent.current());
    }

    static Message toProto(AppointmentEvent event) {
        return switch (event) {
            case AppointmentEvent.AppointmentBooked e -> withFacts(AppointmentBooked.newBuilder(), e, true).build();
            case AppointmentEvent.AppointmentCancelled e -> withFacts(AppointmentCancelled.newBuilder(), e, true)
                    .setCancelledBy(CancellingParty.valueOf(e.cancelledBy().name())).setReason(e.reason()).setLate(e.late())
                    .build();
            case AppointmentEvent.AppointmentRescheduled e -> withFacts(AppointmentRescheduled.newBuilder(), e, false)
                    .setOldStart(timestamp(e.oldPeriod().start())).setOldEnd(timestamp(e.oldPeriod().end()))
                    .setNewStart(timestamp(e.facts().period().start())).setNewEnd(timestamp(e.facts().period().end()))
                    .build();
            case AppointmentEvent.AppointmentCompleted e -> withFacts(AppointmentCompleted.newBuilder(), e, true).build();
            case AppointmentEvent.AppointmentNoShow e -> withFacts(AppointmentNoShow.newBuilder(), e, true).build();
            case AppointmentEvent.AppointmentOutsideWorkingHours e ->
                    withFacts(AppointmentOutsideWorkingHours.newBuilder(), e, true).build();
        };
    }

    /**
     * Sets the fields every appointment event shares (same names and numbers in the contract)
     * through the descriptor, so they are written once; {@code withPeriod} adds start and end.
     */
    private static <B extends Message.Builder> B withFacts(B builder, AppointmentEvent event, boolean withPeriod) {
        AppointmentFacts facts = event.facts();
        set(builder, "event_id", event.eventId().toString());
        set(builder, "occurred_at", timestamp(event.occurredAt()));
        set(builder, "appointment_id", facts.appointmentId().toString());
        set(builder, "patient_id", facts.patientId().value());
        set(builder, "practitioner_id", facts.practitioner().id().toString());
        set(builder, "department", facts.practitioner().department());
        set(builder, "clinic_id", facts.practitioner().clinicId());
        set(builder, "appointment_type", AppointmentType.valueOf(facts.type().name()).getValueDescriptor());
        if (withPeriod) {
            set(builder, "start", timestamp(facts.period().start()));
            set(builder, "end", timestamp(facts.period().end()));
        }
        return builder;
    }

    private static void set(Message.Builder builder, String field, Object value) {
        builder.setField(builder.getDescriptorForType().findFieldByName(field), value);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
