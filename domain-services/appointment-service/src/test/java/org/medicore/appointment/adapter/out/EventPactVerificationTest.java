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
 * since booking refuses both.
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

    @PactVerifyProvider("AppointmentBooked")
    MessageAndMetadata booked() {
        return relayed("AppointmentBooked");
    }

    @PactVerifyProvider("AppointmentRescheduled")
    MessageAndMetadata rescheduled() {
        return relayed("AppointmentRescheduled");
    }

    @PactVerifyProvider("AppointmentCancelled")
    MessageAndMetadata cancelled() {
        return relayed("AppointmentCancelled");
    }

    @PactVerifyProvider("AppointmentCompleted")
    MessageAndMetadata completed() {
        return relayed("AppointmentCompleted");
    }

    @PactVerifyProvider("AppointmentNoShow")
    MessageAndMetadata noShow() {
        return relayed("AppointmentNoShow");
    }

    private MessageAndMetadata relayed(String event) {
        relay.relayAll();
        return RelayedEvents.read(Topics.APPOINTMENTS, appointment.id().toString(), "medicore.events.v1." + event);
    }

    private Appointment stored(Instant start) {
        Appointment stored = anAppointment().ofPatient(patient.subject()).with(aPractitionerWithHours().ref())
                .startingAt(start).build();
        persistence.saveAppointment().insert(stored);
        return stored;
    }
}
