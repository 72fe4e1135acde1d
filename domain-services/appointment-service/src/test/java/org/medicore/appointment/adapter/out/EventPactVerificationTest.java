package org.medicore.appointment.adapter.out;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.medicore.appointment.adapter.out.jooq.JooqPersistence;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.support.outbox.OutboxRelay;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.appointment.support.OutboxRowsBeforeV2;
import org.jooq.DSLContext;
import org.medicore.localstack.Topics;
import org.medicore.localstack.pact.EventInteractions;
import org.medicore.localstack.pact.RelayedEvents;
import org.medicore.localstack.pact.VerifiesPacts;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.appointment.support.AppointmentBuilder.anAppointment;

/**
 * The events appointment-service's consumers rely on, verified against what its outbox relay
 * really writes: each state changes an appointment through the use cases, the relay publishes
 * the outbox to the real Kafka, and the record found there is what Pact compares. Appointments
 * that must already have started, or start within the hour, are written by the store adapter,
 * since booking refuses both. The consumers' v1 interactions are the same states with the outbox
 * rows rewritten as they were written before medicore.events.v2: what the relay still publishes
 * from a database upgraded with rows pending, and what stays on the topic for its retention.
 */
@Provider("appointment-service")
@PactFilter(value = "events", filter = EventInteractions.class)
@PactFolder("${medicore.pacts}")
class EventPactVerificationTest extends IntegrationTest implements VerifiesPacts {

    @Autowired
    private BookAppointment booking;
    @Autowired
    private ChangeAppointment changes;
    @Autowired
    private JooqPersistence persistence;
    @Autowired
    private OutboxRelay relay;
    @Autowired
    private DSLContext db;
    private final Caller patient = aNewPatient();
    private Appointment appointment;

    @State("an appointment is booked")
    void anAppointmentIsBooked() {
        appointment = success(booking.book(patient, new BookAppointment.Command(UUID.randomUUID().toString(),
                new PatientId(patient.subject()), aPractitionerWithHours().id(), at(nextMonday(), "08:00"),
                AppointmentType.CONSULTATION, "check-up")));
    }

    @State("an appointment is rescheduled")
    void anAppointmentIsRescheduled() {
        anAppointmentIsBooked();
        success(changes.reschedule(patient, new ChangeAppointment.Reschedule(appointment.id(), 0, at(nextMonday(), "09:00"))));
    }

    @State("a patient cancels an appointment late")
    void aPatientCancelsLate() {
        appointment = stored(Instant.now().plus(Duration.ofHours(1)));
        success(changes.cancel(patient, new ChangeAppointment.Cancel(appointment.id(), 0, Optional.of(CancellingParty.PATIENT), "feeling unwell")));
    }

    @State("an appointment is completed")
    void anAppointmentIsCompleted() {
        appointment = stored(Instant.now().minus(Duration.ofMinutes(1)));
        success(changes.complete(ADMIN, appointment.id(), 0));
    }

    @State("a patient does not come to an appointment")
    void aPatientDoesNotCome() {
        appointment = stored(Instant.now().minus(Duration.ofMinutes(1)));
        success(changes.markNoShow(ADMIN, appointment.id(), 0));
    }

    @PactVerifyProvider("AppointmentBooked v2")
    MessageAndMetadata booked() {
        return relayed("medicore.events.v2.AppointmentBooked");
    }

    @PactVerifyProvider("AppointmentRescheduled v2")
    MessageAndMetadata rescheduled() {
        return relayed("medicore.events.v2.AppointmentRescheduled");
    }

    @PactVerifyProvider("AppointmentCancelled v2")
    MessageAndMetadata cancelled() {
        return relayed("medicore.events.v2.AppointmentCancelled");
    }

    @PactVerifyProvider("AppointmentCompleted v2")
    MessageAndMetadata completed() {
        return relayed("medicore.events.v2.AppointmentCompleted");
    }

    @PactVerifyProvider("AppointmentNoShow v2")
    MessageAndMetadata noShow() {
        return relayed("medicore.events.v2.AppointmentNoShow");
    }

    @PactVerifyProvider("AppointmentBooked")
    MessageAndMetadata bookedBeforeV2() {
        return relayedAsWrittenBeforeV2("medicore.events.v1.AppointmentBooked");
    }

    @PactVerifyProvider("AppointmentRescheduled")
    MessageAndMetadata rescheduledBeforeV2() {
        return relayedAsWrittenBeforeV2("medicore.events.v1.AppointmentRescheduled");
    }

    @PactVerifyProvider("AppointmentCancelled")
    MessageAndMetadata cancelledBeforeV2() {
        return relayedAsWrittenBeforeV2("medicore.events.v1.AppointmentCancelled");
    }

    @PactVerifyProvider("AppointmentCompleted")
    MessageAndMetadata completedBeforeV2() {
        return relayedAsWrittenBeforeV2("medicore.events.v1.AppointmentCompleted");
    }

    @PactVerifyProvider("AppointmentNoShow")
    MessageAndMetadata noShowBeforeV2() {
        return relayedAsWrittenBeforeV2("medicore.events.v1.AppointmentNoShow");
    }

    private MessageAndMetadata relayed(String eventType) {
        relay.relayAll();
        return RelayedEvents.read(Topics.APPOINTMENTS, appointment.id().toString(), eventType);
    }

    /** The v1 interactions: the state's outbox rows as they were written before v2, relayed as they are. */
    private MessageAndMetadata relayedAsWrittenBeforeV2(String eventType) {
        OutboxRowsBeforeV2.rewrite(db, appointment.id().value());
        return relayed(eventType);
    }

    private Appointment stored(Instant start) {
        Appointment stored = anAppointment().ofPatient(patient.subject()).with(aPractitionerWithHours().ref())
                .startingAt(start).build();
        persistence.saveAppointment().insert(stored);
        return stored;
    }
}
