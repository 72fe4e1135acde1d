package org.medicore.billing.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.support.kafka.UnreadableEvent;
import org.medicore.billing.application.port.in.ApplyBillingEvents.ChargeEvent;
import org.medicore.billing.application.port.in.ApplyBillingEvents.PatientErasure;
import org.medicore.billing.application.port.in.ApplyBillingEvents.PatientRegistration;
import org.medicore.billing.domain.AppointmentRef;
import org.medicore.billing.domain.AppointmentType;
import org.medicore.billing.domain.Charge;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;

import static org.medicore.support.kafka.ConsumedEvents.eventType;
import static org.medicore.support.kafka.ConsumedEvents.instant;
import static org.medicore.support.kafka.ConsumedEvents.parse;
import static org.medicore.support.kafka.ConsumedEvents.uuid;

/**
 * Reads a consumed record, by its event-type header, into what billing does with it. Appointment
 * events of either version (v1 stays on the topic for its retention) are read as medicore.events.v2
 * and charged from that one form.
 */
final class EventReader {

    /** What a record asks of billing. */
    sealed interface Incoming {
        record OpenAccount(PatientRegistration registration) implements Incoming {
        }

        record ChargeAppointment(ChargeEvent event) implements Incoming {
        }

        record ForgetPatient(PatientErasure erasure) implements Incoming {
        }

        /** An event billing has no business with (a booking, an early cancellation, a newer type). */
        record NothingToDo(String eventType) implements Incoming {
        }
    }

    Incoming read(ConsumerRecord<String, String> record) {
        String type = eventType(record);
        if (type.equals("medicore.events.v1.PatientRegistered")) {
            PatientRegistered event = parse(record, PatientRegistered.newBuilder());
            return new Incoming.OpenAccount(new PatientRegistration(uuid(event.getEventId(), "event_id"), type,
                    uuid(event.getPatientId(), "patient_id"), instant(event.getOccurredAt())));
        }
        if (type.equals("medicore.events.v1.PatientErased")) {
            PatientErased event = parse(record, PatientErased.newBuilder());
            return new Incoming.ForgetPatient(new PatientErasure(uuid(event.getEventId(), "event_id"), type,
                    uuid(event.getPatientId(), "patient_id"), instant(event.getApprovedAt())));
        }
        return AppointmentEventVersions.builderFor(type)
                .map(builder -> charge(AppointmentEventVersions.asV2(parse(record, builder))))
                .orElseGet(() -> new Incoming.NothingToDo(type));
    }

    private static Incoming charge(Message event) {
        return switch (event) {
            case AppointmentCompleted e -> charge(e, e.getEventId(), e.getAppointment(), ChargeReason.VISIT);
            case AppointmentNoShow e -> charge(e, e.getEventId(), e.getAppointment(), ChargeReason.NO_SHOW);
            case AppointmentCancelled e when e.getLate() ->
                    charge(e, e.getEventId(), e.getAppointment(), ChargeReason.LATE_CANCELLATION);
            default -> new Incoming.NothingToDo(typeName(event));
        };
    }

    /** The event's type is named as v2 names it, whichever version carried it, so both read the same. */
    private static Incoming charge(Message event, String eventId, AppointmentFacts facts, ChargeReason reason) {
        AppointmentRef appointment = new AppointmentRef(uuid(facts.getAppointmentId(), "appointment.appointment_id"),
                facts.getPractitionerId(), facts.getDepartment(), facts.getClinicId(), instant(facts.getStart()));
        return new Incoming.ChargeAppointment(new ChargeEvent(uuid(eventId, "event_id"), typeName(event),
                new Charge(uuid(facts.getPatientId(), "appointment.patient_id"), appointment,
                        appointmentType(facts.getAppointmentType().name()), reason)));
    }

    private static String typeName(Message event) {
        return event.getDescriptorForType().getFullName();
    }

    private static AppointmentType appointmentType(String name) {
        try {
            return AppointmentType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("no billable appointment_type: " + name, e);
        }
    }
}
