package org.medicore.patient.adapter.out.dynamodb;

import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import com.google.protobuf.util.Timestamps;
import org.medicore.contracts.events.v1.PatientContactChanged;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;
import org.medicore.patient.PatientFixtures;
import org.medicore.patient.RealComponentsTest;
import org.medicore.patient.application.port.out.SaveOutcome;
import org.medicore.patient.domain.DemographicsChange;
import org.medicore.patient.domain.DemographicsEdit;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PreferredLanguage;
import org.medicore.support.outbox.EventByEventRelay;
import org.medicore.support.outbox.PublishEvent;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.PatientFixtures.aPatient;

/**
 * The DynamoDB outbox relayed to the real Kafka broker, including a relay that dies between publish and mark,
 * and the events written in the transaction of the change they announce.
 */
class OutboxRelayAgainstRealBrokerTest extends RealComponentsTest {

    @Autowired
    private DynamoDbPatientStore store;
    @Autowired
    private PublishEvent<PatientEvent> kafka;

    @Test
    void a_relay_that_dies_mid_way_loses_no_event_and_its_successor_publishes_the_rest() throws Exception {
        drainOutbox();
        List<org.medicore.patient.domain.PatientRegistered> written = new ArrayList<>();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 5; i++) {
            Patient.Registration registration = Patient.register(PatientId.random(),
                    aPatient().named("Relay", uniqueFamilyName("Outbox")).demographics(),
                    Optional.of("subject-" + i + "-" + start.toEpochMilli()), "clinic-" + i, start.plusMillis(i));
            assertThat(store.insert(registration.patient(), registration.event())).isInstanceOf(SaveOutcome.Saved.class);
            written.add(registration.event());
        }

        // The first relay publishes two events for real, then dies after the third reached Kafka but before it was marked.
        AtomicInteger published = new AtomicInteger();
        PublishEvent<PatientEvent> diesAfterThird = event -> {
            kafka.publish(event);
            if (published.incrementAndGet() == 3) {
                throw new IllegalStateException("relay process killed");
            }
        };
        assertThatThrownBy(() -> new EventByEventRelay<>(store, diesAfterThird, 10).relayPending()).hasMessage("relay process killed");
        assertThat(store.oldestPending(10)).extracting(e -> e.eventId()).containsExactly(
                written.get(2).eventId(), written.get(3).eventId(), written.get(4).eventId());

        int relayedByRestart = new EventByEventRelay<>(store, kafka, 10).relayPending();

        assertThat(relayedByRestart).isEqualTo(3);
        assertThat(store.oldestPending(10)).isEmpty();
        Map<String, List<ConsumerRecord<String, String>>> received = consume(written.stream()
                .map(e -> e.eventId().toString()).collect(Collectors.toSet()));
        assertThat(received).hasSize(5);
        assertThat(received.get(written.get(2).eventId().toString())).hasSize(2); // at least once: sent again after the crash
        for (var event : written) {
            ConsumerRecord<String, String> record = received.get(event.eventId().toString()).getFirst();
            PatientRegistered.Builder value = PatientRegistered.newBuilder();
            JsonFormat.parser().merge(record.value(), value);
            assertThat(record.key()).isEqualTo(event.patientId().value());
            assertThat(value.getPatientId()).isEqualTo(event.patientId().value());
            assertThat(value.getRegisteredAtClinicId()).isEqualTo(event.registeredAtClinicId());
            assertThat(value.getHasPortalAccount()).isTrue();
            assertThat(header(record, "event-type")).isEqualTo("medicore.events.v1.PatientRegistered");
            assertThat(Instant.parse(header(record, "occurred-at"))).isEqualTo(event.occurredAt());
        }
    }

    @Test
    void a_registration_and_its_outbox_item_are_written_together_or_not_at_all() {
        drainOutbox();
        var fixture = aPatient().named("Twice", uniqueFamilyName("Atomic"));
        Patient.Registration first = Patient.register(PatientId.random(), fixture.demographics(), Optional.empty(), "", Instant.now());
        Patient.Registration second = Patient.register(PatientId.random(), fixture.demographics(), Optional.empty(), "", Instant.now());

        assertThat(store.insert(first.patient(), first.event())).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(store.insert(second.patient(), second.event())).isEqualTo(new SaveOutcome.DuplicateKeyTaken(first.patient().id()));

        assertThat(store.load(second.patient().id())).isEmpty();
        assertThat(store.oldestPending(10)).extracting(e -> e.eventId()).containsExactly(first.event().eventId());
    }

    @Test
    void a_new_email_or_phone_is_written_with_its_event_or_not_at_all_and_relayed_without_the_details() throws Exception {
        drainOutbox();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Patient anna = insert(aPatient().named("Anna", uniqueFamilyName("Contact")).withEmail("anna@example.org"), now);
        Patient berta = insert(aPatient().named("Berta", uniqueFamilyName("Contact")).withEmail("berta@example.org"), now);
        drainOutbox();

        // a change nobody sends to: the patient is stored, no event
        Patient moved = changed(anna, List.of(new DemographicsEdit.SetCity("Potsdam")), now, false);
        assertThat(store.replace(anna, moved, Optional.empty())).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(store.oldestPending(10)).isEmpty();

        // a new e-mail from a stale read: neither the patient nor the event is written
        DemographicsChange.Changed fromStaleRead = (DemographicsChange.Changed) anna.changeDemographics(1,
                List.of(new DemographicsEdit.SetEmail("anna.stale@example.org")), now);
        assertThat(store.replace(anna, fromStaleRead.patient(), fromStaleRead.contactChanged()))
                .isEqualTo(new SaveOutcome.VersionConflict(2));
        // the e-mail another record of the same person holds: refused, no event either
        DemographicsChange.Changed twin = (DemographicsChange.Changed) berta.changeDemographics(1, List.of(
                new DemographicsEdit.SetName(anna.demographics().name()), new DemographicsEdit.SetEmail("anna@example.org")),
                now);
        assertThat(store.replace(berta, twin.patient(), twin.contactChanged()))
                .isEqualTo(new SaveOutcome.DuplicateKeyTaken(anna.id()));
        assertThat(store.oldestPending(10)).isEmpty();
        assertThat(store.load(anna.id()).orElseThrow().demographics().contact().email()).isEqualTo("anna@example.org");

        // the change read at the current version: both, in one transaction
        DemographicsChange.Changed newPhone = (DemographicsChange.Changed) moved.changeDemographics(2,
                List.of(new DemographicsEdit.SetPhone("+4930555777")), now.plusMillis(1));
        assertThat(store.replace(moved, newPhone.patient(), newPhone.contactChanged())).isInstanceOf(SaveOutcome.Saved.class);
        PatientEvent event = newPhone.contactChanged().orElseThrow();
        assertThat(store.oldestPending(10)).containsExactly(event);

        new EventByEventRelay<>(store, kafka, 10).relayPending();

        ConsumerRecord<String, String> record = consume(Set.of(event.eventId().toString()))
                .get(event.eventId().toString()).getFirst();
        PatientContactChanged.Builder value = PatientContactChanged.newBuilder();
        JsonFormat.parser().merge(record.value(), value);
        assertThat(record.key()).isEqualTo(anna.id().value());
        assertThat(header(record, "event-type")).isEqualTo("medicore.events.v1.PatientContactChanged");
        assertThat(value.build()).isEqualTo(PatientContactChanged.newBuilder().setEventId(event.eventId().toString())
                .setOccurredAt(Timestamps.fromMillis(now.plusMillis(1).toEpochMilli()))
                .setPatientId(anna.id().value()).build());
        assertThat(record.value()).doesNotContain("+4930555777");
    }

    @Test
    void a_new_preferred_language_is_written_with_its_event() {
        drainOutbox();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Patient anna = insert(aPatient().named("Anna", uniqueFamilyName("Language")).speaking("en"), now);
        drainOutbox();

        DemographicsChange.Changed german = (DemographicsChange.Changed) anna.changeDemographics(1,
                List.of(new DemographicsEdit.SetPreferredLanguage(new PreferredLanguage("de-DE"))), now);
        assertThat(store.replace(anna, german.patient(), german.contactChanged())).isInstanceOf(SaveOutcome.Saved.class);

        assertThat(store.load(anna.id()).orElseThrow().demographics().preferredLanguage().tag()).isEqualTo("de");
        assertThat(store.oldestPending(10)).containsExactly(german.contactChanged().orElseThrow());
    }

    private Patient insert(PatientFixtures fixture, Instant now) {
        Patient.Registration registration = Patient.register(PatientId.random(), fixture.demographics(), Optional.empty(), "", now);
        assertThat(store.insert(registration.patient(), registration.event())).isInstanceOf(SaveOutcome.Saved.class);
        return registration.patient();
    }

    private static Patient changed(Patient patient, List<DemographicsEdit> edits, Instant now, boolean announced) {
        DemographicsChange.Changed change = (DemographicsChange.Changed) patient.changeDemographics(patient.version(), edits, now);
        assertThat(change.contactChanged().isPresent()).isEqualTo(announced);
        return change.patient();
    }

    private void drainOutbox() {
        new EventByEventRelay<>(store, kafka, 100).relayPending();
    }

    private static Map<String, List<ConsumerRecord<String, String>>> consume(Set<String> eventIds) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + System.nanoTime());
        Map<String, List<ConsumerRecord<String, String>>> byEventId = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PATIENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && !(byEventId.keySet().containsAll(eventIds) && byEventId.values().stream().mapToInt(List::size).sum() >= eventIds.size() + 1)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String eventId = header(record, "event-id");
                    if (eventIds.contains(eventId)) {
                        byEventId.computeIfAbsent(eventId, id -> new ArrayList<>()).add(record);
                    }
                }
            }
        }
        return byEventId;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
