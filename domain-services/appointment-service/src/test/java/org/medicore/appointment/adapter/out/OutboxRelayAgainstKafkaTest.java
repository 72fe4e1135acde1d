package org.medicore.appointment.adapter.out;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.support.outbox.KafkaOutboxPublisher;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.support.outbox.PublishMessages;
import org.medicore.support.outbox.OutboxRelay;
import org.medicore.support.outbox.PostgresOutbox;
import org.medicore.support.port.Transactions;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.appointment.support.OutboxRowsBeforeV2;
import org.jooq.DSLContext;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.appointment.adapter.out.BookingAgainstPostgresTest.command;

/** The relay against the real broker. Tests of this class run one after another and each relays all that is pending. */
class OutboxRelayAgainstKafkaTest extends IntegrationTest {

    @Autowired
    BookAppointment booking;

    @Autowired
    ChangeAppointment changes;

    @Autowired
    OutboxRelay relay;

    @Autowired
    PostgresOutbox outbox;

    @Autowired
    PublishMessages publisher;

    @Autowired
    Transactions transactions;

    @Autowired
    DSLContext dsl;

    @Test
    void every_committed_change_is_published_exactly_once_with_key_and_headers_in_order() throws Exception {
        Set<String> ids = new HashSet<>();
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(2);
        Caller alice = aNewPatient();
        Appointment booked = success(booking.book(alice, command(alice, practitioner, at(day, "08:00"), "k1")));
        success(changes.reschedule(alice, new ChangeAppointment.Reschedule(booked.id(), 0, at(day, "08:30"))));
        success(changes.cancel(alice, new ChangeAppointment.Cancel(booked.id(), 0, Optional.of(CancellingParty.PATIENT), "ill")));
        ids.add(booked.id().toString());

        relay.relayAll();

        List<ConsumerRecord<String, String>> records = consume(ids, 3);
        assertThat(records).extracting(record -> header(record, "event-type")).containsExactly(
                "medicore.events.v2.AppointmentBooked", "medicore.events.v2.AppointmentRescheduled",
                "medicore.events.v2.AppointmentCancelled");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(booked.id().toString());
            assertThat(header(record, "occurred-at")).isNotBlank();
        });
        AppointmentBooked event = parse(records.getFirst().value());
        assertThat(records.getFirst().value()).as("the value is JsonFormat's output, byte for byte")
                .isEqualTo(JsonFormat.printer().omittingInsignificantWhitespace().print(event));
        assertThat(event.getEventId()).isEqualTo(header(records.getFirst(), "event-id"));
        assertThat(event.getAppointment().getAppointmentId()).isEqualTo(booked.id().toString());
        assertThat(event.getAppointment().getDepartment()).isEqualTo("Internal Medicine");
        assertThat(event.getAppointment().getStart().getSeconds()).isEqualTo(at(day, "08:00").getEpochSecond());
    }

    @Test
    void rows_written_before_events_v2_are_relayed_as_they_were_written_in_order_with_the_new_ones() {
        Caller alice = aNewPatient();
        LocalDate day = nextMonday().plusDays(1);
        Appointment booked = success(booking.book(alice, command(alice, aPractitionerWithHours(), at(day, "09:00"), "before-v2")));
        OutboxRowsBeforeV2.rewrite(dsl, booked.id().value());
        success(changes.cancel(alice, new ChangeAppointment.Cancel(booked.id(), 0, Optional.of(CancellingParty.PATIENT), "ill")));

        relay.relayAll();

        List<ConsumerRecord<String, String>> records = consume(Set.of(booked.id().toString()), 2);
        assertThat(records).extracting(record -> header(record, "event-type")).containsExactly(
                "medicore.events.v1.AppointmentBooked", "medicore.events.v2.AppointmentCancelled");
        assertThat(records.getFirst().value()).contains("\"appointmentId\":\"" + booked.id() + "\"")
                .doesNotContain("\"appointment\":");
    }

    @Test
    void a_relay_killed_mid_batch_and_restarted_leaves_no_gap_and_repeats_only_that_batch() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(3);
        Set<String> ids = new HashSet<>();
        for (String time : List.of("08:00", "08:30", "09:00", "09:30", "10:00", "10:30")) {
            Caller patient = aNewPatient();
            ids.add(success(booking.book(patient, command(patient, practitioner, at(day, time), time))).id().toString());
        }
        relay.relayAll();
        List<ConsumerRecord<String, String>> before = consume(ids, 6);
        for (String time : List.of("11:00", "11:30")) {
            Caller patient = aNewPatient();
            ids.add(success(booking.book(patient, command(patient, practitioner, at(day, time), time))).id().toString());
        }
        AtomicInteger sent = new AtomicInteger();
        PublishMessages dyingAfterOne = messages -> {
            publisher.publishAll(messages.subList(0, 1));
            sent.incrementAndGet();
            throw new IllegalStateException("relay process killed");
        };
        var dyingRelay = new OutboxRelay(outbox, dyingAfterOne, transactions, Clock.systemUTC(), 100);

        assertThatThrownBy(dyingRelay::relayBatch).hasMessageContaining("killed");
        relay.relayAll();

        List<ConsumerRecord<String, String>> all = consume(ids, 9);
        List<String> eventIds = all.stream().map(record -> header(record, "event-id")).toList();
        assertThat(new HashSet<>(eventIds)).hasSize(8);
        assertThat(eventIds).hasSize(9);
        assertThat(before).hasSize(6);
        assertThat(sent).hasValue(1);
    }

    @Test
    void with_kafka_unreachable_bookings_succeed_and_their_events_wait_in_the_outbox() {
        Practitioner practitioner = aPractitionerWithHours();
        Caller patient = aNewPatient();
        Appointment booked = success(booking.book(patient, command(patient, practitioner, at(nextMonday().plusDays(4), "08:00"), "down")));
        try (var unreachable = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            var relayWithoutKafka = new OutboxRelay(outbox,
                    new KafkaOutboxPublisher(unreachable, Topics.APPOINTMENTS, Duration.ofSeconds(2)),
                    transactions, Clock.systemUTC(), 100);

            assertThatThrownBy(relayWithoutKafka::relayBatch).isInstanceOf(PublishMessages.PublishFailed.class);
            unreachable.close(Duration.ZERO);
        }

        relay.relayAll();

        assertThat(consume(Set.of(booked.id().toString()), 1)).hasSize(1);
    }

    /** Reads the whole topic until {@code expected} records of the given appointments arrived. */
    private static List<ConsumerRecord<String, String>> consume(Set<String> appointmentIds, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPOINTMENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (appointmentIds.contains(record.key())) {
                        records.add(record);
                    }
                });
            }
            consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                if (appointmentIds.contains(record.key())) {
                    records.add(record);
                }
            });
            return records;
        }
    }

    private static AppointmentBooked parse(String json) {
        var event = AppointmentBooked.newBuilder();
        try {
            JsonFormat.parser().merge(json, event);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not the proto3 JSON of AppointmentBooked: " + json, e);
        }
        return event.build();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
