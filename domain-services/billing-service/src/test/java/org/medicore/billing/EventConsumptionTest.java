package org.medicore.billing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.billing.support.EventStream;
import org.medicore.billing.support.RunningBillingService;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;
import org.medicore.support.kafka.DeadLetterReplay;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.BILLING_ACCOUNT;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.INVOICE;
import static org.medicore.billing.support.EventStream.booked;
import static org.medicore.billing.support.EventStream.cancelled;
import static org.medicore.billing.support.EventStream.completed;
import static org.medicore.billing.support.EventStream.noShow;
import static org.medicore.billing.support.EventStream.patientRegistered;
import static org.medicore.billing.support.EventStream.poison;
import static org.medicore.billing.support.EventStream.withKey;
import static org.medicore.support.kafka.AppointmentEventPairs.writtenBeforeV2;

/** Billing from the real event topics: exactly once, in any order, past poison. */
class EventConsumptionTest extends RunningBillingService {

    private static final String DEAD_LETTERS = "medicore.billing.dlq.v1";
    private static final EventStream events = new EventStream();

    @Autowired
    DSLContext db;

    @Autowired
    DeadLetterReplay deadLetterReplay;

    @AfterAll
    static void closeStream() {
        events.close();
    }

    @Test
    void replaying_the_whole_event_stream_twice_leaves_the_same_invoices() {
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID registeredLate = UUID.randomUUID();
        List<ProducerRecord<String, String>> stream = new ArrayList<>();
        stream.add(completed(registeredLate, AppointmentType.CONSULTATION));
        for (UUID patient : patients) {
            stream.add(patientRegistered(patient));
            stream.add(booked(patient, AppointmentType.CONSULTATION));
            stream.add(completed(patient, AppointmentType.CONSULTATION));
            stream.add(cancelled(patient, AppointmentType.FOLLOW_UP, true));
            stream.add(cancelled(patient, AppointmentType.FOLLOW_UP, false));
            stream.add(noShow(patient, AppointmentType.LAB_VISIT));
        }
        stream.add(patientRegistered(registeredLate));
        List<UUID> everyone = new ArrayList<>(patients);
        everyone.add(registeredLate);

        events.send(stream);
        events.awaitConsumed();
        List<Record> first = invoicesOf(everyone);
        events.send(stream);
        events.awaitConsumed();

        assertThat(first).hasSize(3 * 3 + 1);
        assertThat(invoicesOf(everyone)).isEqualTo(first);
        assertThat(first).extracting(row -> row.get(INVOICE.CHARGE_REASON))
                .containsOnly("VISIT", "LATE_CANCELLATION", "NO_SHOW");
    }

    @Test
    void a_thousand_completed_appointments_give_a_thousand_invoices_with_gap_free_numbers() {
        List<UUID> patients = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        events.send(patients.stream().map(EventStream::patientRegistered).toList());
        events.send(IntStream.range(0, 1000)
                .mapToObj(i -> completed(patients.get(i % patients.size()), AppointmentType.FOLLOW_UP)).toList());
        events.awaitConsumed();

        assertThat(invoicesOf(patients)).hasSize(1000);
        List<Integer> sequences = db.select(INVOICE.NUMBER).from(INVOICE).fetch(INVOICE.NUMBER).stream()
                .map(number -> number.split("-"))
                .filter(parts -> parts[0].equals(Integer.toString(java.time.Year.now().getValue())))
                .map(parts -> Integer.parseInt(parts[1])).sorted().toList();
        assertThat(sequences).isEqualTo(IntStream.rangeClosed(1, sequences.size()).boxed().toList());
    }

    @Test
    void a_poison_message_lands_on_the_dead_letter_topic_while_the_next_good_one_is_applied() {
        UUID patient = UUID.randomUUID();
        String appointmentKey = UUID.randomUUID().toString();
        events.send(List.of(patientRegistered(patient)));
        events.send(List.of(poison(appointmentKey),
                withKey(completed(patient, AppointmentType.CONSULTATION), appointmentKey)));
        events.awaitConsumed();

        assertThat(invoicesOf(List.of(patient))).hasSize(1);
        ConsumerRecord<String, String> letter = deadLetter(appointmentKey);
        assertThat(letter.value()).isEqualTo("{not json at all");
        assertThat(header(letter, "dlq-reason")).contains("UnreadableEvent").contains("proto3 JSON");
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.APPOINTMENTS);
        assertThat(header(letter, "event-type")).isEqualTo("medicore.events.v2.AppointmentCompleted");
    }

    @Test
    void an_appointment_event_written_before_v2_and_left_on_the_topic_is_still_charged() {
        UUID patient = UUID.randomUUID();
        events.send(List.of(patientRegistered(patient), writtenBeforeV2(noShow(patient, AppointmentType.CONSULTATION))));
        events.awaitConsumed();

        assertThat(invoicesOf(List.of(patient))).singleElement()
                .satisfies(row -> assertThat(row.get(INVOICE.CHARGE_REASON)).isEqualTo("NO_SHOW"));
    }

    @Test
    void a_charge_that_arrives_before_the_patients_account_waits_for_the_account() {
        UUID patient = UUID.randomUUID();
        events.send(List.of(noShow(patient, AppointmentType.CONSULTATION)));
        events.awaitConsumed();
        assertThat(invoicesOf(List.of(patient))).isEmpty();
        assertThat(db.fetchExists(BILLING_ACCOUNT, BILLING_ACCOUNT.PATIENT_ID.eq(patient))).isFalse();

        events.send(List.of(patientRegistered(patient)));
        events.awaitConsumed();

        assertThat(invoicesOf(List.of(patient))).singleElement()
                .satisfies(row -> assertThat(row.get(INVOICE.CHARGE_REASON)).isEqualTo("NO_SHOW"));
    }

    @Test
    void a_replayed_dead_letter_goes_back_to_its_topic_and_is_applied() {
        UUID patient = UUID.randomUUID();
        events.send(List.of(patientRegistered(patient)));
        ProducerRecord<String, String> completed = completed(patient, AppointmentType.LAB_VISIT);
        ProducerRecord<String, String> letter = new ProducerRecord<>(DEAD_LETTERS, null, completed.key(),
                completed.value(), completed.headers());
        letter.headers().add("kafka_dlt-original-topic", Topics.APPOINTMENTS.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dlq-reason", "IllegalStateException: no fee schedule configured".getBytes(StandardCharsets.UTF_8));
        events.send(List.of(letter));

        assertThat(deadLetterReplay.replay()).isPositive();
        events.awaitConsumed();

        assertThat(invoicesOf(List.of(patient))).hasSize(1);
    }

    @Test
    void a_visit_completed_while_the_database_is_down_is_invoiced_once_it_is_back_and_never_dead_lettered()
            throws InterruptedException {
        UUID patient = UUID.randomUUID();
        String appointmentKey = UUID.randomUUID().toString();
        events.send(List.of(patientRegistered(patient)));
        events.awaitConsumed();

        TestStack.postgres().stop();
        try {
            events.send(List.of(withKey(completed(patient, AppointmentType.CONSULTATION), appointmentKey)));
            // Far longer than the two attempts 100 ms apart after which a failing event is dead-lettered.
            Thread.sleep(5_000);
        } finally {
            TestStack.postgres().startAgain();
        }
        events.awaitConsumed();
        // This test's own pool refuses at once for a moment after the outage, as the service's does.
        List<Record> invoices = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> invoicesOf(List.of(patient)), Objects::nonNull);

        assertThat(invoices).singleElement()
                .satisfies(row -> assertThat(row.get(INVOICE.CHARGE_REASON)).isEqualTo("VISIT"));
        assertThat(recordsWithKey(DEAD_LETTERS, appointmentKey, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void an_issued_invoice_is_published_on_the_billing_topic_with_its_envelope() throws Exception {
        UUID patient = UUID.randomUUID();
        events.send(List.of(patientRegistered(patient), completed(patient, AppointmentType.CONSULTATION)));
        events.awaitConsumed();
        Record invoice = invoicesOf(List.of(patient)).getFirst();
        String invoiceId = invoice.get(INVOICE.ID).toString();

        ConsumerRecord<String, String> published = firstWithKey(Topics.BILLING, invoiceId);

        assertThat(header(published, "event-type")).isEqualTo("medicore.events.v1.InvoiceIssued");
        assertThat(header(published, "occurred-at")).isNotBlank();
        InvoiceIssued.Builder event = InvoiceIssued.newBuilder();
        com.google.protobuf.util.JsonFormat.parser().merge(published.value(), event);
        assertThat(event.getInvoiceNumber()).isEqualTo(invoice.get(INVOICE.NUMBER));
        assertThat(event.getPatientId()).isEqualTo(patient.toString());
        assertThat(header(published, "event-id")).isEqualTo(event.getEventId());
    }

    private List<Record> invoicesOf(Collection<UUID> patients) {
        return db.select(INVOICE.NUMBER, INVOICE.PATIENT_ID, INVOICE.APPOINTMENT_ID, INVOICE.CHARGE_REASON,
                        INVOICE.SUBTOTAL_MINOR, INVOICE.TAX_MINOR, INVOICE.STATUS, INVOICE.ID)
                .from(INVOICE).where(INVOICE.PATIENT_ID.in(patients)).orderBy(INVOICE.NUMBER).fetch()
                .stream().map(Record.class::cast).toList();
    }

    private ConsumerRecord<String, String> deadLetter(String key) {
        return firstWithKey(DEAD_LETTERS, key);
    }

    private static ConsumerRecord<String, String> firstWithKey(String topic, String key) {
        List<ConsumerRecord<String, String>> found = recordsWithKey(topic, key, Duration.ofSeconds(60));
        assertThat(found).as("a record with key %s on %s", key, topic).isNotEmpty();
        return found.getFirst();
    }

    /** The topic's records with {@code key}, read from its beginning until one is found or {@code within} has passed. */
    private static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key, Duration within) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "billing-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long until = System.nanoTime() + within.toNanos();
            while (found.isEmpty() && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
