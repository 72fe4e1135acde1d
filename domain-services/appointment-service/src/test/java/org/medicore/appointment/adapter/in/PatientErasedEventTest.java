package org.medicore.appointment.adapter.in;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.adapter.out.jooq.JooqPersistence;
import org.medicore.appointment.adapter.out.kafka.KafkaMessaging;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.appointment.application.port.in.ErasePatient;
import org.medicore.appointment.application.port.in.FindFreeSlots;
import org.medicore.appointment.application.service.PatientErasureService;
import org.medicore.appointment.domain.Actor;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentStatus;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.PatientErasure;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.Role;
import org.medicore.appointment.domain.Slot;
import org.medicore.appointment.domain.TimeRange;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.appointment.support.PatientEvents;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;
import org.medicore.support.erasure.StoredValueSearch;
import org.medicore.support.outbox.OutboxRelay;
import org.medicore.support.outbox.PostgresOutbox;
import org.medicore.support.port.Transactions;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.APPOINTMENT;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.BOOKING_REQUEST;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.OUTBOX_EVENT;
import static org.medicore.appointment.support.AppointmentBuilder.anAppointment;

/** PatientErased from the real patients topic, acted on against the real PostgreSQL; its cancellations relayed to the real appointments topic. */
class PatientErasedEventTest extends IntegrationTest {

    private static final String CONSUMER_GROUP = "appointment-service";
    private static final String DEAD_LETTERS = "medicore.appointments.dlq.v1";
    private static final PatientEvents events = new PatientEvents();

    @Autowired
    BookAppointment booking;

    @Autowired
    ChangeAppointment changes;

    @Autowired
    FindFreeSlots freeSlots;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JooqPersistence persistence;

    @Autowired
    PostgresOutbox outbox;

    @Autowired
    Transactions transactions;

    @Autowired
    Clock clock;

    @Autowired
    DSLContext db;

    @AfterAll
    static void closeEvents() {
        events.close();
    }

    /** A patient with a visit behind them, two ahead (one booked by reception) and one they cancelled, every reason naming them. */
    private record History(Caller patient, String name, Practitioner practitioner, LocalDate day, Appointment past,
                           Appointment ahead, Appointment bookedByReception, Appointment cancelled) {
        List<AppointmentId> ids() {
            return List.of(past.id(), ahead.id(), bookedByReception.id(), cancelled.id());
        }
    }

    @Test
    void an_erased_patient_is_named_nowhere_in_the_schema_their_slots_are_free_and_their_cancellations_go_out() {
        History history = aPatientWithHistory();

        PatientErased erased = PatientEvents.patientErased(history.patient().subject());
        events.send(erased);
        PatientEvents.awaitConsumed(CONSUMER_GROUP);

        assertThat(textColumnsContaining(history.name())).as("text columns naming the patient").isEmpty();
        assertThat(db.fetchCount(APPOINTMENT, APPOINTMENT.BOOKED_BY_SUBJECT.eq(history.patient().subject())
                .or(APPOINTMENT.CANCEL_RECORDED_BY_SUBJECT.eq(history.patient().subject())))).isZero();
        assertThat(row(history.bookedByReception()).get(APPOINTMENT.BOOKED_BY_SUBJECT)).isEqualTo(ADMIN.subject());
        assertThat(row(history.past()).get(APPOINTMENT.STATUS)).isEqualTo("COMPLETED");
        for (Appointment ahead : List.of(history.ahead(), history.bookedByReception())) {
            Record row = row(ahead);
            assertThat(row.get(APPOINTMENT.STATUS)).isEqualTo("CANCELLED");
            assertThat(row.get(APPOINTMENT.CANCELLED_BY)).isEqualTo("SYSTEM");
            assertThat(row.get(APPOINTMENT.CANCEL_LATE)).isFalse();
            assertThat(row.get(APPOINTMENT.CANCEL_REASON)).isEqualTo(PatientErasure.CANCEL_REASON);
        }
        assertThat(freeStarts(history)).contains(history.ahead().period().start(), history.bookedByReception().period().start());
        assertThat(db.fetchCount(BOOKING_REQUEST, BOOKING_REQUEST.APPOINTMENT_ID.in(uuids(history.ids())))).isZero();
        assertThat(db.select(OUTBOX_EVENT.EVENT_TYPE, OUTBOX_EVENT.SENT_AT).from(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.AGGREGATE_ID.in(uuids(history.ids()))).fetch())
                .as("the relayed rows gone, the two cancellations pending").hasSize(2)
                .allSatisfy(row -> assertThat(row.value2()).isNull());

        relay.relayAll();

        List<AppointmentCancelled> cancellations = cancellationsOf(List.of(history.ahead().id(), history.bookedByReception().id()));
        assertThat(cancellations).hasSize(2).allSatisfy(cancelled -> {
            assertThat(cancelled.getCancelledBy()).isEqualTo(org.medicore.contracts.appointment.v1.CancellingParty.SYSTEM);
            assertThat(cancelled.getLate()).isFalse();
            assertThat(cancelled.getReason()).isEqualTo(PatientErasure.CANCEL_REASON);
            assertThat(cancelled.getAppointment().getPatientId()).isEqualTo(history.patient().subject());
        });
        assertThat(TestStack.kafka().recordsWithKey(DEAD_LETTERS, erased.getPatientId(), Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void the_same_erasure_again_an_unknown_patient_and_other_patient_events_change_no_appointment_write_no_event_and_are_not_dead_lettered() {
        History history = aPatientWithHistory();
        PatientErased erased = PatientEvents.patientErased(history.patient().subject());
        events.send(erased);
        PatientEvents.awaitConsumed(CONSUMER_GROUP);
        relay.relayAll();
        var appointmentsAfter = db.selectFrom(APPOINTMENT).where(APPOINTMENT.ID.in(uuids(history.ids())))
                .orderBy(APPOINTMENT.ID).fetch();
        var outboxAfter = db.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.AGGREGATE_ID.in(uuids(history.ids())))
                .orderBy(OUTBOX_EVENT.SEQUENCE).fetch();
        int outboxRows = db.fetchCount(OUTBOX_EVENT);

        String unknown = UUID.randomUUID().toString();
        events.send(erased, PatientEvents.patientErased(history.patient().subject()), PatientEvents.patientErased(unknown));
        events.send(PatientEvents.patientRegistered(history.patient().subject()));
        PatientEvents.awaitConsumed(CONSUMER_GROUP);

        assertThat(db.selectFrom(APPOINTMENT).where(APPOINTMENT.ID.in(uuids(history.ids()))).orderBy(APPOINTMENT.ID).fetch())
                .isEqualTo(appointmentsAfter);
        // no event written again; only the erasure's own cancellations, relayed since, are forgotten now
        assertThat(outboxAfter).hasSize(2).allSatisfy(row -> assertThat(row.getSentAt()).isNotNull());
        assertThat(db.fetchCount(OUTBOX_EVENT, OUTBOX_EVENT.AGGREGATE_ID.in(uuids(history.ids())))).isZero();
        assertThat(db.fetchCount(OUTBOX_EVENT)).isEqualTo(outboxRows - outboxAfter.size());
        assertThat(TestStack.kafka().recordsWithKey(DEAD_LETTERS, history.patient().subject(), Duration.ofSeconds(3))).isEmpty();
        assertThat(TestStack.kafka().recordsWithKey(DEAD_LETTERS, unknown, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void where_clinical_records_must_be_kept_a_visit_behind_keeps_its_reason_and_one_ahead_loses_it() {
        History history = aPatientWithHistory();
        ErasePatient retaining = new PatientErasureService(persistence.loadAppointments(), persistence.saveAppointment(),
                persistence.forgetPatientRecords(), KafkaMessaging.eventFormat(),
                outbox, transactions, new PatientErasure(true), clock);

        ErasePatient.Erased erased = retaining.erase(new ErasePatient.Command(UUID.randomUUID(),
                new PatientId(history.patient().subject()), Instant.now()));

        assertThat(erased).isEqualTo(new ErasePatient.Erased(2, 4, 3, 4));
        assertThat(row(history.past()).get(APPOINTMENT.REASON)).isEqualTo(history.past().reason());
        assertThat(row(history.ahead()).get(APPOINTMENT.REASON)).isEmpty();
        assertThat(row(history.cancelled()).get(APPOINTMENT.CANCEL_REASON)).isEqualTo(PatientErasure.CANCEL_REASON);
        assertThat(textColumnsContaining(history.name())).containsExactly("appointment.reason");
    }

    private History aPatientWithHistory() {
        Caller patient = aNewPatient();
        String name = "Zelda Quixwhistle-" + UUID.randomUUID().toString().substring(0, 8);
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(1);
        Appointment past = anAppointment().with(practitioner.ref()).ofPatient(patient.subject())
                .startingAt(Instant.now().minus(Duration.ofDays(20))).inStatus(AppointmentStatus.COMPLETED)
                .because(name + "'s blood pressure").bookedBy(new Actor(patient.subject(), Role.PATIENT)).build();
        transactions.inTransaction(() -> persistence.saveAppointment().insert(past));
        Appointment ahead = success(booking.book(patient, command(patient, practitioner, at(day, "08:00"), name + ": knee pain")));
        Appointment bookedByReception = success(booking.book(ADMIN,
                command(patient, practitioner, at(day, "09:00"), "call " + name + " the day before")));
        Appointment toCancel = success(booking.book(patient, command(patient, practitioner, at(day, "10:00"), "")));
        Appointment cancelled = success(changes.cancel(patient, new ChangeAppointment.Cancel(toCancel.id(), 0,
                Optional.of(CancellingParty.PATIENT), name + " has the flu")));
        relay.relayAll();
        assertThat(textColumnsContaining(name)).as("the fixture names the patient")
                .contains("appointment.reason", "appointment.cancel_reason");
        return new History(patient, name, practitioner, day, past, ahead, bookedByReception, cancelled);
    }

    private static BookAppointment.Command command(Caller patient, Practitioner practitioner, Instant start, String reason) {
        return new BookAppointment.Command(UUID.randomUUID().toString(), new PatientId(patient.subject()), practitioner.id(),
                start, AppointmentType.CONSULTATION, reason);
    }

    /** "table.column" of every column of the service's schema with a value containing {@code text}. */
    private List<String> textColumnsContaining(String text) {
        return db.<List<String>>connectionResult(connection -> StoredValueSearch.placesHolding(connection, text));
    }

    private List<Instant> freeStarts(History history) {
        return success(freeSlots.freeSlots(ADMIN, history.practitioner().id(), AppointmentType.CONSULTATION,
                history.day(), history.day())).slots().stream().map(Slot::period).map(TimeRange::start).toList();
    }

    private Record row(Appointment appointment) {
        return db.selectFrom(APPOINTMENT).where(APPOINTMENT.ID.eq(appointment.id().value())).fetchSingle();
    }

    private static List<UUID> uuids(List<AppointmentId> ids) {
        return ids.stream().map(AppointmentId::value).toList();
    }

    private static List<AppointmentCancelled> cancellationsOf(List<AppointmentId> appointments) {
        List<AppointmentCancelled> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            for (AppointmentId appointment : appointments) {
                TestStack.kafka().recordsWithKey(Topics.APPOINTMENTS, appointment.toString(), Duration.ofSeconds(2)).stream()
                        .filter(record -> header(record, "event-type").equals(AppointmentCancelled.getDescriptor().getFullName()))
                        .map(record -> parse(record.value()))
                        .forEach(found::add);
            }
            return found.size() == appointments.size();
        });
        return found;
    }


    private static AppointmentCancelled parse(String json) {
        var event = AppointmentCancelled.newBuilder();
        try {
            JsonFormat.parser().merge(json, event);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not the proto3 JSON of AppointmentCancelled: " + json, e);
        }
        return event.build();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
