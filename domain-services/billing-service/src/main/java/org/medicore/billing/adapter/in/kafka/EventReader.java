package org.medicore.billing.adapter.in.kafka;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medicore.support.kafka.UnreadableEvent;
import org.medicore.billing.application.port.in.ApplyBillingEvents.ChargeEvent;
import org.medicore.billing.application.port.in.ApplyBillingEvents.PatientRegistration;
import org.medicore.billing.domain.AppointmentRef;
import org.medicore.billing.domain.AppointmentType;
import org.medicore.billing.domain.Charge;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.contracts.events.v1.AppointmentCancelled;
import org.medicore.contracts.events.v1.AppointmentCompleted;
import org.medicore.contracts.events.v1.AppointmentNoShow;
import org.medicore.contracts.events.v1.PatientRegistered;

import static org.medicore.support.kafka.ConsumedEvents.eventType;
import static org.medicore.support.kafka.ConsumedEvents.instant;
import static org.medicore.support.kafka.ConsumedEvents.parse;
import static org.medicore.support.kafka.ConsumedEvents.uuid;

/** Reads a consumed record, by its event-type header, into what billing does with it. */
final class EventReader {

    /** What a record asks of billing. */
    sealed interface Incoming {
        record OpenAccount(PatientRegistration registration) implements Incoming {
        }

        record ChargeAppointment(ChargeEvent event) implements Incoming {
        }

        /** An event billing has no business with (a booking, an early cancellation, a newer type). */
        record NothingToDo(String eventType) implements Incoming {
        }
    }

    Incoming read(ConsumerRecord<String, String> record) {
        String type = eventType(record);
        return switch (type) {
            case "medicore.events.v1.PatientRegistered" -> {
                PatientRegistered event = parse(record, PatientRegistered.newBuilder());
                yield new Incoming.OpenAccount(new PatientRegistration(uuid(event.getEventId(), "event_id"), type,
                        uuid(event.getPatientId(), "patient_id"), instant(event.getOccurredAt())));
            }
            case "medicore.events.v1.AppointmentCompleted" ->
                    charge(type, parse(record, AppointmentCompleted.newBuilder()), ChargeReason.VISIT);
            case "medicore.events.v1.AppointmentNoShow" ->
                    charge(type, parse(record, AppointmentNoShow.newBuilder()), ChargeReason.NO_SHOW);
            case "medicore.events.v1.AppointmentCancelled" -> {
                AppointmentCancelled event = parse(record, AppointmentCancelled.newBuilder());
                yield event.getLate() ? charge(type, event, ChargeReason.LATE_CANCELLATION)
                        : new Incoming.NothingToDo(type);
            }
            default -> new Incoming.NothingToDo(type);
        };
    }

    /**
     * The appointment events billing charges for share their fields (same names and numbers),
     * though not a Java type: read them by name.
     */
    private static Incoming charge(String type, Message event, ChargeReason reason) {
        AppointmentRef appointment = new AppointmentRef(uuid(text(event, "appointment_id"), "appointment_id"),
                text(event, "practitioner_id"), text(event, "department"), text(event, "clinic_id"),
                instant((Timestamp) field(event, "start")));
        var appointmentType = (com.google.protobuf.Descriptors.EnumValueDescriptor) field(event, "appointment_type");
        return new Incoming.ChargeAppointment(new ChargeEvent(uuid(text(event, "event_id"), "event_id"), type,
                new Charge(uuid(text(event, "patient_id"), "patient_id"), appointment,
                        appointmentType(appointmentType.getName()), reason)));
    }

    private static String text(Message event, String name) {
        return (String) field(event, name);
    }

    private static Object field(Message event, String name) {
        return event.getField(event.getDescriptorForType().findFieldByName(name));
    }

    private static AppointmentType appointmentType(String name) {
        try {
            return AppointmentType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("no billable appointment_type: " + name, e);
        }
    }
}
