package org.medicore.appointment.adapter.out.kafka;

import org.medicore.support.tracing.TraceParent;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import org.medicore.appointment.application.port.out.FormatEvent;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.port.OutboxMessage;
import org.medicore.appointment.domain.AppointmentEvent;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;
import org.medicore.contracts.events.v2.AppointmentOutsideWorkingHours;
import org.medicore.contracts.events.v2.AppointmentRescheduled;

import java.time.Instant;

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
        String id = event.eventId().toString();
        Timestamp at = timestamp(event.occurredAt());
        AppointmentFacts appointment = facts(event.facts());
        return switch (event) {
            case AppointmentEvent.AppointmentBooked e ->
                    AppointmentBooked.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment).build();
            case AppointmentEvent.AppointmentCancelled e ->
                    AppointmentCancelled.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment)
                            .setCancelledBy(CancellingParty.valueOf(e.cancelledBy().name())).setReason(e.reason())
                            .setLate(e.late()).build();
            case AppointmentEvent.AppointmentRescheduled e ->
                    AppointmentRescheduled.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment)
                            .setPreviousStart(timestamp(e.oldPeriod().start())).setPreviousEnd(timestamp(e.oldPeriod().end()))
                            .build();
            case AppointmentEvent.AppointmentCompleted e ->
                    AppointmentCompleted.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment).build();
            case AppointmentEvent.AppointmentNoShow e ->
                    AppointmentNoShow.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment).build();
            case AppointmentEvent.AppointmentOutsideWorkingHours e ->
                    AppointmentOutsideWorkingHours.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment)
                            .build();
        };
    }

    private static AppointmentFacts facts(org.medicore.appointment.domain.AppointmentFacts facts) {
        return AppointmentFacts.newBuilder().setAppointmentId(facts.appointmentId().toString())
                .setPatientId(facts.patientId().value()).setPractitionerId(facts.practitioner().id().toString())
                .setDepartment(facts.practitioner().department()).setClinicId(facts.practitioner().clinicId())
                .setAppointmentType(AppointmentType.valueOf(facts.type().name()))
                .setStart(timestamp(facts.period().start())).setEnd(timestamp(facts.period().end())).build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
