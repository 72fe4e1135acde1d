package org.medicore.appointment.adapter.in;

import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medicore.appointment.adapter.out.jooq.JooqPersistence;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.support.GrpcClient;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.localstack.TestTokens;
import org.medicore.localstack.pact.GrpcProviderCalls;
import org.medicore.localstack.pact.VerifiesPacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.medicore.appointment.support.AppointmentBuilder.anAppointment;
import static org.medicore.appointment.support.PractitionerBuilder.aPractitioner;

/**
 * The BFF's pact with appointment-service, verified against the real endpoint on the real
 * PostgreSQL. Each state creates its own practitioner (in a department of its own, so lists hold
 * only what the state made) through the service's use cases; the caller is that practitioner's
 * doctor or that state's patient, as the pact's role says.
 */
@Provider("appointment-service")
@Consumer("bff-graphql")
@PactFolder("${medicore.pacts}")
class BffPactVerificationTest extends IntegrationTest implements VerifiesPacts {

    @LocalGrpcServerPort
    int port;
    @Autowired
    private BookAppointment booking;
    @Autowired
    private JooqPersistence persistence;
    private GrpcClient client;
    private GrpcProviderCalls calls;
    private final String doctor = "doctor-" + UUID.randomUUID();
    private final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void prepareCalls() {
        client = new GrpcClient(port);
        calls = new GrpcProviderCalls(client.anonymous().getChannel(), AppointmentServiceGrpc.getServiceDescriptor());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @State("a practitioner with free slots")
    Map<String, Object> aPractitionerWithFreeSlots() {
        return facts(practitioner(), day());
    }

    @State("a booked appointment")
    Map<String, Object> aBookedAppointment() {
        Practitioner practitioner = practitioner();
        Caller owner = patient(patient);
        Appointment booked = success(booking.book(owner, new BookAppointment.Command(UUID.randomUUID().toString(),
                new PatientId(patient), practitioner.id(), at(day(), "08:00"), AppointmentType.CONSULTATION, "check-up")));
        Map<String, Object> facts = facts(practitioner, day());
        facts.put("appointmentId", booked.id().toString());
        facts.put("version", String.valueOf(booked.version()));
        return facts;
    }

    /** Booking refuses a start in the past, so this one is written by the service's own store adapter. */
    @State("an appointment that has started")
    Map<String, Object> anAppointmentThatHasStarted() {
        Appointment started = anAppointment().ofPatient(patient).with(practitioner().ref())
                .startingAt(Instant.now().minus(Duration.ofMinutes(1))).build();
        persistence.saveAppointment().insert(started);
        return Map.of("appointmentId", started.id().toString(), "version", String.valueOf(started.version()));
    }

    @PactVerifyProvider("GetPractitioner")
    MessageAndMetadata getPractitioner(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ListPractitioners")
    MessageAndMetadata listPractitioners(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("BatchGetPractitioners")
    MessageAndMetadata batchGetPractitioners(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ListFreeSlots")
    MessageAndMetadata listFreeSlots(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("BookAppointment")
    MessageAndMetadata bookAppointment(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("GetAppointment")
    MessageAndMetadata getAppointment(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ListAppointmentsByPatient")
    MessageAndMetadata listAppointmentsByPatient(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("BatchListAppointmentsByPatients")
    MessageAndMetadata batchListAppointmentsByPatients(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ListAppointmentsByPractitionerDay")
    MessageAndMetadata listAppointmentsByPractitionerDay(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("BatchGetAppointments")
    MessageAndMetadata batchGetAppointments(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("CancelAppointment")
    MessageAndMetadata cancelAppointment(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("RescheduleAppointment")
    MessageAndMetadata rescheduleAppointment(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("CheckIn")
    MessageAndMetadata checkIn(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("CompleteAppointment")
    MessageAndMetadata completeAppointment(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("MarkNoShow")
    MessageAndMetadata markNoShow(MessageContents request) {
        return answer(request);
    }

    private MessageAndMetadata answer(MessageContents request) {
        return calls.answer(request, role -> TestTokens.forSubject("DOCTOR".equals(role) ? doctor : patient, role));
    }

    private Practitioner practitioner() {
        return aPractitionerWithHours(aPractitioner().withAccount(doctor).inDepartment("pact-" + UUID.randomUUID()));
    }

    private static LocalDate day() {
        return nextMonday();
    }

    private Map<String, Object> facts(Practitioner practitioner, LocalDate day) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("practitionerId", practitioner.id().toString());
        facts.put("department", practitioner.department());
        facts.put("patientId", patient);
        facts.put("slotStart", at(day, "08:00").toString());
        facts.put("newStart", at(day, "09:00").toString());
        facts.put("year", day.getYear());
        facts.put("month", day.getMonthValue());
        facts.put("day", day.getDayOfMonth());
        return facts;
    }
}
