package org.medicore.appointment.adapter.in;

import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.support.GrpcClient;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BatchGetAppointmentsRequest;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.BatchListAppointmentsByPatientsRequest;
import org.medicore.contracts.appointment.v1.PatientAppointments;
import org.medicore.localstack.TestTokens;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.ApiRequests.booking;
import static org.medicore.appointment.support.GrpcClient.statusOf;
import static org.medicore.support.grpc.RefusalDetails.violatedField;

/** The batch calls the BFF's data loaders make: one call for many patients, same access rules as the single calls. */
class BatchCallsTest extends IntegrationTest {

    private static final String ADMIN = "admin-" + UUID.randomUUID();

    @LocalGrpcServerPort
    int port;

    private GrpcClient client;

    @BeforeEach
    void connect() {
        client = new GrpcClient(port);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void the_first_upcoming_appointments_of_several_patients_come_in_one_call_in_the_order_asked() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(8);
        String busy = UUID.randomUUID().toString();
        String quiet = UUID.randomUUID().toString();
        String nobody = UUID.randomUUID().toString();
        for (String time : List.of("10:00", "08:00", "09:00")) {
            client.as(TestTokens.forSubject(busy, "PATIENT")).bookAppointment(booking(practitioner, busy, at(day, time)));
        }
        client.as(TestTokens.forSubject(quiet, "PATIENT")).bookAppointment(booking(practitioner, quiet, at(day, "11:00")));

        var lists = client.as(TestTokens.forSubject(ADMIN, "ADMIN")).batchListAppointmentsByPatients(
                BatchListAppointmentsByPatientsRequest.newBuilder().addAllPatientIds(List.of(nobody, busy, quiet, busy))
                        .setTimeFilter(AppointmentTimeFilter.UPCOMING).setLimitPerPatient(2).build());

        assertThat(lists.getPatientsList()).extracting(PatientAppointments::getPatientId).containsExactly(nobody, busy, quiet);
        assertThat(lists.getPatients(0).getAppointmentsList()).isEmpty();
        assertThat(lists.getPatients(1).getAppointmentsList()).extracting(a -> a.getStart().getSeconds())
                .containsExactly(at(day, "08:00").getEpochSecond(), at(day, "09:00").getEpochSecond());
        assertThat(lists.getPatients(1).getHasMore()).isTrue();
        assertThat(lists.getPatients(2).getAppointmentsList()).hasSize(1);
        assertThat(lists.getPatients(2).getHasMore()).isFalse();
    }

    @Test
    void a_patient_sees_only_their_own_list_and_a_doctor_only_their_own_appointments_with_each_patient() {
        String doctor = "doctor-" + UUID.randomUUID();
        Practitioner own = aPractitionerWithHours(doctor);
        Practitioner colleague = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(9);
        String patient = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        var asPatient = client.as(TestTokens.forSubject(patient, "PATIENT"));
        asPatient.bookAppointment(booking(own, patient, at(day, "08:00")));
        asPatient.bookAppointment(booking(colleague, patient, at(day, "09:00")));
        client.as(TestTokens.forSubject(other, "PATIENT")).bookAppointment(booking(colleague, other, at(day, "10:00")));
        var request = BatchListAppointmentsByPatientsRequest.newBuilder().addPatientIds(patient).addPatientIds(other).build();

        var patientsView = asPatient.batchListAppointmentsByPatients(request);
        var doctorsView = client.as(TestTokens.forSubject(doctor, "DOCTOR")).batchListAppointmentsByPatients(request);
        var billingView = client.as(TestTokens.forSubject("billing", "BILLING")).batchListAppointmentsByPatients(request);

        assertThat(patientsView.getPatients(0).getAppointmentsCount()).isEqualTo(2);
        assertThat(patientsView.getPatients(1).getAppointmentsList()).isEmpty();
        assertThat(doctorsView.getPatients(0).getAppointmentsList()).extracting(Appointment::getPractitionerId)
                .containsExactly(own.id().toString());
        assertThat(doctorsView.getPatients(1).getAppointmentsList()).isEmpty();
        assertThat(billingView.getPatientsList()).allSatisfy(list -> assertThat(list.getAppointmentsList()).isEmpty());
    }

    @Test
    void appointments_and_practitioners_by_id_list_the_unknown_and_the_invisible_as_missing() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(10);
        String patient = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String own = client.as(TestTokens.forSubject(patient, "PATIENT"))
                .bookAppointment(booking(practitioner, patient, at(day, "08:00"))).getAppointment().getId();
        String theirs = client.as(TestTokens.forSubject(other, "PATIENT"))
                .bookAppointment(booking(practitioner, other, at(day, "09:00"))).getAppointment().getId();
        String unknown = UUID.randomUUID().toString();

        var appointments = client.as(TestTokens.forSubject(patient, "PATIENT")).batchGetAppointments(
                BatchGetAppointmentsRequest.newBuilder().addAllAppointmentIds(List.of(theirs, own, unknown)).build());
        var practitioners = client.as(TestTokens.forSubject(patient, "PATIENT")).batchGetPractitioners(
                BatchGetPractitionersRequest.newBuilder().addPractitionerIds(unknown)
                        .addPractitionerIds(practitioner.id().toString()).build());

        assertThat(appointments.getAppointmentsList()).extracting(Appointment::getId).containsExactly(own);
        assertThat(appointments.getMissingAppointmentIdsList()).containsExactly(theirs, unknown);
        assertThat(practitioners.getPractitionersList()).extracting(p -> p.getId()).containsExactly(practitioner.id().toString());
        assertThat(practitioners.getMissingPractitionerIdsList()).containsExactly(unknown);
    }

    @Test
    void too_many_ids_a_malformed_id_and_a_limit_out_of_range_each_name_their_field() {
        var admin = client.as(TestTokens.forSubject(ADMIN, "ADMIN"));

        var tooMany = statusOf(() -> admin.batchGetAppointments(BatchGetAppointmentsRequest.newBuilder()
                .addAllAppointmentIds(Collections.nCopies(101, UUID.randomUUID().toString())).build()));
        var malformed = statusOf(() -> admin.batchGetAppointments(BatchGetAppointmentsRequest.newBuilder()
                .addAppointmentIds(UUID.randomUUID().toString()).addAppointmentIds("nope").build()));
        var limit = statusOf(() -> admin.batchListAppointmentsByPatients(BatchListAppointmentsByPatientsRequest.newBuilder()
                .addPatientIds("p").setLimitPerPatient(51).build()));

        assertThat(tooMany.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedField(tooMany)).isEqualTo("appointment_ids");
        assertThat(violatedField(malformed)).isEqualTo("appointment_ids[1]");
        assertThat(violatedField(limit)).isEqualTo("limit_per_patient");
    }
}
