package org.medicore.support.kafka;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;
import org.medicore.contracts.events.v2.AppointmentOutsideWorkingHours;
import org.medicore.contracts.events.v2.AppointmentRescheduled;
import org.medicore.localstack.Topics;
import org.medicore.localstack.pact.EventsBeforeV2;
import org.medicore.support.outbox.EventEnvelope;
import org.medicore.support.port.OutboxMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Any appointment event as the record appointment-service writes now (medicore.events.v2) and as
 * the record it wrote before (v1), for each consumer's property that both read to the same thing.
 */
public final class AppointmentEventPairs {

    /** One event, as a v2 record and as the v1 record it was before. */
    public record Pair(ConsumerRecord<String, String> v1, ConsumerRecord<String, String> v2) {
        @Override
        public String toString() {
            return v2.value();
        }
    }

    private AppointmentEventPairs() {
    }

    public static Arbitrary<Pair> pairs() {
        return events().map(v2 -> new Pair(record(EventsBeforeV2.v1Of(v2)), record(v2)));
    }

    /** Every v2 appointment event type, with every fact set to any value it may take on the wire. */
    public static Arbitrary<Message> events() {
        Arbitrary<String> ids = Arbitraries.create(UUID::randomUUID).map(UUID::toString);
        Arbitrary<Timestamp> instants = Arbitraries.longs().between(0, 4_102_444_800L)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build()));
        Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<AppointmentType> types = Arbitraries.of(AppointmentType.class)
                .filter(type -> type != AppointmentType.UNRECOGNIZED && type != AppointmentType.APPOINTMENT_TYPE_UNSPECIFIED);
        Arbitrary<Long> lengths = Arbitraries.longs().between(1, 8 * 3600);
        Arbitrary<AppointmentFacts> facts = Combinators.combine(ids, ids, ids, texts, texts, types, instants, lengths)
                .as((appointment, patient, practitioner, department, clinic, type, start, length) -> AppointmentFacts.newBuilder()
                        .setAppointmentId(appointment).setPatientId(patient).setPractitionerId(practitioner)
                        .setDepartment(department).setClinicId(clinic).setAppointmentType(type).setStart(start)
                        .setEnd(start.toBuilder().setSeconds(start.getSeconds() + length)).build());
        Arbitrary<CancellingParty> parties = Arbitraries.of(CancellingParty.class)
                .filter(party -> party != CancellingParty.UNRECOGNIZED);
        return Combinators.combine(ids, instants, facts, Arbitraries.integers().between(0, 5), parties, texts,
                Arbitraries.of(true, false), instants).as((id, at, appointment, kind, party, reason, late, previous) -> switch (kind) {
            case 0 -> AppointmentBooked.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment).build();
            case 1 -> AppointmentCancelled.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment)
                    .setCancelledBy(party).setReason(reason).setLate(late).build();
            case 2 -> AppointmentRescheduled.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment)
                    .setPreviousStart(previous).setPreviousEnd(previous.toBuilder().setSeconds(previous.getSeconds() + 1800)).build();
            case 3 -> AppointmentCompleted.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment).build();
            case 4 -> AppointmentNoShow.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment).build();
            default -> AppointmentOutsideWorkingHours.newBuilder().setEventId(id).setOccurredAt(at).setAppointment(appointment)
                    .build();
        });
    }

    /**
     * What {@code reader} makes of a record, or the message of its refusal (an unreadable event, an
     * argument the domain refuses), so a property can compare how two records read, refusals included.
     */
    public static Object outcome(Function<ConsumerRecord<String, String>, ?> reader, ConsumerRecord<String, String> record) {
        try {
            return reader.apply(record);
        } catch (UnreadableEvent | IllegalArgumentException refused) {
            return refused.getClass().getSimpleName() + ": " + refused.getMessage();
        }
    }

    /**
     * The same appointment event as appointment-service wrote it before medicore.events.v2, as it
     * would be left on the topic: same topic, key and event id, the v1 type and value.
     */
    public static ProducerRecord<String, String> writtenBeforeV2(ProducerRecord<String, String> v2) {
        String type = new String(v2.headers().lastHeader(ConsumedEvents.EVENT_TYPE).value(), StandardCharsets.UTF_8);
        Message.Builder event = AppointmentEventVersions.builderFor(type)
                .orElseThrow(() -> new IllegalArgumentException(type + " is no appointment event"));
        try {
            JsonFormat.parser().merge(v2.value(), event);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not the proto3 JSON of " + type, e);
        }
        ConsumerRecord<String, String> v1 = record(EventsBeforeV2.v1Of(event.build()));
        return new ProducerRecord<>(v2.topic(), null, v2.key(), v1.value(), v1.headers());
    }

    /** The record of an event of either version, as the outbox relay writes it: key, JSON value, envelope headers. */
    public static ConsumerRecord<String, String> record(Message event) {
        return record(Topics.APPOINTMENTS, event);
    }

    /** The record of any event of contracts' envelope on {@code topic}, as the outbox relay writes it. */
    public static ConsumerRecord<String, String> record(String topic, Message event) {
        String eventId = (String) event.getField(event.getDescriptorForType().findFieldByNumber(1));
        Timestamp at = (Timestamp) event.getField(event.getDescriptorForType().findFieldByNumber(2));
        Object aggregate = event.getField(event.getDescriptorForType().findFieldByNumber(3));
        String key = aggregate instanceof AppointmentFacts facts ? facts.getAppointmentId() : (String) aggregate;
        OutboxMessage message = EventEnvelope.of(UUID.fromString(eventId), key,
                Instant.ofEpochSecond(at.getSeconds(), at.getNanos()), event, "");
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, key, message.payload());
        record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(ConsumedEvents.EVENT_TYPE, message.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("occurred-at", message.occurredAt().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
