package org.medicore.appointment.adapter.in;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.support.ApplicationTest;
import org.medicore.appointment.support.GrpcClient;
import org.medicore.contracts.appointment.v1.CreatePractitionerRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.common.v1.Role;
import org.medicore.localstack.KeycloakServer;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.ApiRequests.appointment;
import static org.medicore.appointment.support.ApiRequests.appointmentsOf;
import static org.medicore.appointment.support.ApiRequests.booking;
import static org.medicore.appointment.support.ApiRequests.dayOf;
import static org.medicore.appointment.support.GrpcClient.statusOf;

/**
 * The role matrix end to end, with access tokens the real Keycloak issues to the demo users of
 * realm medicore; the service checks them against Keycloak's issuer and JWKS. The only test
 * class that starts Keycloak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakAccessTest extends ApplicationTest {

    private static final String PATIENT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01";
    private static final String DOCTOR = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02";
    private static final String ADMIN_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04";

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("medicore.security.jwt.issuer-uri", () -> TestStack.keycloak().issuer());
        registry.add("medicore.security.jwt.jwk-set-uri", () -> TestStack.keycloak().jwksUri());
    }

    @LocalGrpcServerPort
    int port;

    @Autowired
    BookAppointment booking;

    private final KeycloakServer keycloak = TestStack.keycloak();
    private final LocalDate day = nextMonday().plusWeeks(1);
    private GrpcClient client;
    private Practitioner doctorsOwn;
    private Practitioner colleague;
    private Appointment ofThePatient;
    private Appointment ofAnotherPatient;

    /** The doctor's practitioner and a colleague, each with one booking on {@link #day}. */
    @BeforeAll
    void schedules() {
        client = new GrpcClient(port);
        doctorsOwn = aPractitionerWithHours(DOCTOR);
        colleague = aPractitionerWithHours();
        ofThePatient = bookedByStaff(PATIENT, doctorsOwn, "08:00");
        ofAnotherPatient = bookedByStaff(UUID.randomUUID().toString(), colleague, "08:00");
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @Test
    void a_patient_books_and_sees_only_their_own_appointments() {
        var patient = client.as(keycloak.accessToken("patient"));

        var booked = patient.bookAppointment(booking(doctorsOwn, PATIENT, at(day, "09:00"))).getAppointment();
        var own = patient.listAppointmentsByPatient(appointmentsOf(PATIENT));

        assertThat(booked.getBookedBy().getSubject()).isEqualTo(PATIENT);
        assertThat(booked.getBookedBy().getRole()).isEqualTo(Role.PATIENT);
        assertThat(own.getAppointmentsList()).extracting(a -> a.getId()).contains(booked.getId(), ofThePatient.id().toString());
        assertThat(own.getAppointmentsList()).allSatisfy(a -> assertThat(a.getPatientId()).isEqualTo(PATIENT));
        assertDenied(() -> patient.bookAppointment(booking(colleague, UUID.randomUUID().toString(), at(day, "10:00"))));
        assertDenied(() -> patient.listAppointmentsByPatient(appointmentsOf(ofAnotherPatient.patientId().value())));
        assertDenied(() -> patient.getAppointment(appointment(ofAnotherPatient.id().toString())));
        assertDenied(() -> patient.listAppointmentsByPractitionerDay(dayOf(doctorsOwn, day)));
    }

    @Test
    void a_doctor_sees_their_own_schedule_and_not_a_colleagues() {
        var doctor = client.as(keycloak.accessToken("doctor"));

        var ownDay = doctor.listAppointmentsByPractitionerDay(dayOf(doctorsOwn, day));
        var ownAppointment = doctor.getAppointment(appointment(ofThePatient.id().toString())).getAppointment();

        assertThat(ownDay.getAppointmentsList()).extracting(a -> a.getId()).contains(ofThePatient.id().toString());
        assertThat(ownAppointment.getPractitionerId()).isEqualTo(doctorsOwn.id().toString());
        assertDenied(() -> doctor.listAppointmentsByPractitionerDay(dayOf(colleague, day)));
        assertDenied(() -> doctor.getAppointment(appointment(ofAnotherPatient.id().toString())));
        assertDenied(() -> doctor.bookAppointment(booking(colleague, PATIENT, at(day, "11:00"))));
    }

    @Test
    void billing_is_refused_appointments_and_schedules() {
        var billing = client.as(keycloak.accessToken("billing"));

        assertDenied(() -> billing.bookAppointment(booking(doctorsOwn, PATIENT, at(day, "11:30"))));
        assertDenied(() -> billing.getAppointment(appointment(ofThePatient.id().toString())));
        assertDenied(() -> billing.listAppointmentsByPatient(appointmentsOf(PATIENT)));
        assertDenied(() -> billing.listAppointmentsByPractitionerDay(dayOf(doctorsOwn, day)));
    }

    @Test
    void an_admin_sees_every_appointment_and_schedule_and_creates_practitioners() {
        var admin = client.as(keycloak.accessToken("admin"));

        var created = admin.createPractitioner(CreatePractitionerRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Grace").setFamily("Hopper"))
                .setClinicId("clinic-1").setTimeZone("Europe/Berlin").build()).getPractitioner();
        var booked = admin.bookAppointment(booking(colleague, UUID.randomUUID().toString(), at(day, "10:30"))).getAppointment();

        assertThat(created.getId()).isNotEmpty();
        assertThat(booked.getBookedBy().getSubject()).isEqualTo(ADMIN_SUBJECT);
        assertThat(admin.getAppointment(appointment(ofAnotherPatient.id().toString())).getAppointment().getId())
                .isEqualTo(ofAnotherPatient.id().toString());
        assertThat(admin.listAppointmentsByPatient(appointmentsOf(PATIENT)).getAppointmentsList()).isNotEmpty();
        assertThat(admin.listAppointmentsByPractitionerDay(dayOf(doctorsOwn, day)).getAppointmentsList()).isNotEmpty();
        assertThat(admin.listAppointmentsByPractitionerDay(dayOf(colleague, day)).getAppointmentsList()).isNotEmpty();
    }

    @Test
    void a_partner_token_is_accepted_but_sees_no_schedule_and_a_token_of_another_issuer_is_not() {
        var partner = client.as(keycloak.partnerAccessToken());

        assertDenied(() -> partner.listAppointmentsByPractitionerDay(dayOf(doctorsOwn, day)));
        assertThat(statusOf(() -> client.as(TestTokens.forSubject(PATIENT, "PATIENT"))
                .listAppointmentsByPatient(appointmentsOf(PATIENT))).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private Appointment bookedByStaff(String patient, Practitioner practitioner, String localTime) {
        return success(booking.book(ADMIN, new BookAppointment.Command(UUID.randomUUID().toString(), new PatientId(patient),
                practitioner.id(), at(day, localTime), AppointmentType.CONSULTATION, "")));
    }

    private static void assertDenied(Runnable call) {
        StatusRuntimeException refused = statusOf(call);
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
