package org.medicore.bff.support;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.CreatePractitionerRequest;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.LocalTimeInterval;
import org.medicore.contracts.appointment.v1.SetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.localstack.TestSystem;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

/**
 * Fixtures written straight through the services' gRPC APIs, as the demo admin unless a demo user
 * must act themself, so a test sets up its world without going through the API under test.
 */
public final class Clinic implements AutoCloseable {

    private final TestSystem system;
    private final ManagedChannel patients;
    private final ManagedChannel appointments;
    private final ManagedChannel billing;
    private final ManagedChannel lab;

    public Clinic(TestSystem system) {
        this.system = system;
        this.patients = ManagedChannelBuilder.forTarget(system.patientTarget()).usePlaintext().build();
        this.appointments = ManagedChannelBuilder.forTarget(system.appointmentTarget()).usePlaintext().build();
        this.billing = ManagedChannelBuilder.forTarget(system.billingTarget()).usePlaintext().build();
        this.lab = ManagedChannelBuilder.forTarget(system.labTarget()).usePlaintext().build();
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

    /**
     * A practitioner without an account who works every day around the clock (00:00-23:50) in UTC,
     * so a test finds free slots on any day.
     */
    public Practitioner aRoundTheClockPractitioner() {
        return aRoundTheClockPractitionerIn("UTC");
    }

    /**
     * A round-the-clock practitioner in a zone where it is about noon now, so a test can book, check
     * in (which must happen on the appointment's day in the practitioner's zone) and complete an
     * appointment today whatever hour the test runs: in UTC, near midnight no slot of today is left.
     */
    public Practitioner aPractitionerWhoseDayHasHoursLeft() {
        return aRoundTheClockPractitionerIn(TestSystem.aboutNoon().getId());
    }

    private Practitioner aRoundTheClockPractitionerIn(String zone) {
        var appointments = appointmentsAsAdmin();
        Practitioner practitioner = appointments.createPractitioner(CreatePractitionerRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Night").setFamily("Shift"))
                .setSpecialty("Emergency medicine").setDepartment("Emergency").setClinicId("main")
                .setTimeZone(zone).build()).getPractitioner();
        SetWorkingHoursRequest.Builder hours = SetWorkingHoursRequest.newBuilder().setPractitionerId(practitioner.getId())
                .addSlotLengths(SlotLength.newBuilder().setAppointmentType(AppointmentType.CONSULTATION).setMinutes(10))
                .addSlotLengths(SlotLength.newBuilder().setAppointmentType(AppointmentType.FOLLOW_UP).setMinutes(10))
                .addSlotLengths(SlotLength.newBuilder().setAppointmentType(AppointmentType.LAB_VISIT).setMinutes(10));
        for (com.google.type.DayOfWeek day : List.of(com.google.type.DayOfWeek.MONDAY, com.google.type.DayOfWeek.TUESDAY,
                com.google.type.DayOfWeek.WEDNESDAY, com.google.type.DayOfWeek.THURSDAY, com.google.type.DayOfWeek.FRIDAY,
                com.google.type.DayOfWeek.SATURDAY, com.google.type.DayOfWeek.SUNDAY)) {
            hours.addDays(DaySchedule.newBuilder().setDayOfWeek(day)
                    .addIntervals(LocalTimeInterval.newBuilder().setStart("00:00").setEnd("23:50")));
        }
        appointments.setWorkingHours(hours.build());
        return practitioner;
    }

    /**
     * The start of one of the demo doctor's 20-minute morning slots some weeks ahead, distinct per
     * {@code slot} (nine a morning, Monday on), so tests don't collide.
     */
    public static ZonedDateTime aWeekdayAt(ZoneId zone, int weeksAhead, int slot) {
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeksAhead);
        return monday.plusDays(slot / 9).atTime(9, 0).plusMinutes(20L * (slot % 9)).atZone(zone);
    }

    public PatientServiceGrpc.PatientServiceBlockingStub patientsAsAdmin() {
        return PatientServiceGrpc.newBlockingStub(patients).withInterceptors(bearer(system.keycloak().accessToken("admin")));
    }

    public AppointmentServiceGrpc.AppointmentServiceBlockingStub appointmentsAsAdmin() {
        return appointmentsAs("admin");
    }

    /** appointment-service as the demo user {@code user} (patient, doctor, billing, admin). */
    public AppointmentServiceGrpc.AppointmentServiceBlockingStub appointmentsAs(String user) {
        return AppointmentServiceGrpc.newBlockingStub(appointments).withInterceptors(bearer(system.keycloak().accessToken(user)));
    }

    public BillingServiceGrpc.BillingServiceBlockingStub billingAs(String user) {
        return BillingServiceGrpc.newBlockingStub(billing).withInterceptors(bearer(system.keycloak().accessToken(user)));
    }

    public LabServiceGrpc.LabServiceBlockingStub labAs(String user) {
        return LabServiceGrpc.newBlockingStub(lab).withInterceptors(bearer(system.keycloak().accessToken(user)));
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
        billing.shutdownNow();
        lab.shutdownNow();
    }
}
