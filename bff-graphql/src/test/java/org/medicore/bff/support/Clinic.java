package org.medicore.bff.support;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.localstack.TestSystem;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

/**
 * Fixtures written straight through the services' gRPC APIs as the demo admin, so a test sets up
 * its world without going through the API under test.
 */
public final class Clinic implements AutoCloseable {

    private final TestSystem system;
    private final ManagedChannel patients;
    private final ManagedChannel appointments;

    public Clinic(TestSystem system) {
        this.system = system;
        this.patients = ManagedChannelBuilder.forTarget(system.patientTarget()).usePlaintext().build();
        this.appointments = ManagedChannelBuilder.forTarget(system.appointmentTarget()).usePlaintext().build();
    }

    /** A new patient without an account, family name {@code family}; returns their id. */
    public String aPatient(String family) {
        return patientsAsAdmin().registerPatient(RegisterPatientRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Test").setFamily(family))
                .setDateOfBirth(com.google.type.Date.newBuilder().setYear(1970).setMonth(1).setDay(1 + Math.abs(family.hashCode() % 28)))
                .setContact(ContactDetails.newBuilder().setEmail(UUID.randomUUID() + "@example.org"))
                .build()).getPatient().getId();
    }

    /** The demo doctor's practitioner (weekdays 09:00-17:00 in the clinic's zone). */
    public Practitioner demoDoctor() {
        return appointmentsAsAdmin().listPractitioners(ListPractitionersRequest.newBuilder()
                        .setPage(PageRequest.newBuilder().setPageSize(100)).build()).getPractitionersList().stream()
                .filter(p -> p.getKeycloakSubject().equals(Demo.DOCTOR_SUBJECT)).findFirst().orElseThrow();
    }

    /** A weekday start time some weeks ahead, distinct per {@code slot} so tests don't collide. */
    public static ZonedDateTime aWeekdayAt(ZoneId zone, int weeksAhead, int slot) {
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeksAhead);
        return monday.plusDays(slot / 16).atTime(9, 0).plusMinutes(30L * (slot % 16)).atZone(zone);
    }

    public PatientServiceGrpc.PatientServiceBlockingStub patientsAsAdmin() {
        return PatientServiceGrpc.newBlockingStub(patients).withInterceptors(bearer(system.keycloak().accessToken("admin")));
    }

    public AppointmentServiceGrpc.AppointmentServiceBlockingStub appointmentsAsAdmin() {
        return AppointmentServiceGrpc.newBlockingStub(appointments).withInterceptors(bearer(system.keycloak().accessToken("admin")));
    }

    private static io.grpc.ClientInterceptor bearer(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    @Override
    public void close() {
        patients.shutdownNow();
        appointments.shutdownNow();
    }
}
