package org.medicore.billing.adapter.in.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Reads a consumed record, by its event-type header, into what billing does with it. */
final class EventReader {

    static final String EVENT_TYPE = "event-type";

    private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

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

    private static String eventType(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(EVENT_TYPE);
        if (header == null) {
            throw new UnreadableEvent("no " + EVENT_TYPE + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Message> T parse(ConsumerRecord<String, String> record, Message.Builder builder) {
        if (record.value() == null) {
            throw new UnreadableEvent("no value");
        }
        try {
            JSON.merge(record.value(), builder);
            return (T) builder.build();
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableEvent("not the proto3 JSON of " + builder.getDescriptorForType().getFullName(), e);
        }
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent(field + " is not a UUID: '" + value + "'", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static AppointmentType appointmentType(String name) {
        try {
            return AppointmentType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("no billable appointment_type: " + name, e);
        }
    }
}
