package org.medicore.localstack;

import com.google.protobuf.FieldMask;
import com.google.type.Date;
import com.google.type.DayOfWeek;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.CreatePractitionerRequest;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.LocalTimeInterval;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.appointment.v1.SetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.contracts.common.v1.Address;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.notification.v1.ConsentState;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.Sex;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo records that go with the realm's demo users, written through the services' own
 * gRPC APIs as the admin: the patient's record, their consent to e-mail (as the clinic's desk
 * records a signed form, so the demo's mails go out), and the doctor's practitioner with working
 * hours (billing-service brings its own default fee schedule). Each is written only when missing, so a
 * restart changes nothing, and a demo patient who unsubscribed stays unsubscribed.
 */
final class DemoData {

    static final String PATIENT_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01";
    static final String DOCTOR_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a02";
    static final String CLINIC = "main";
    /** The demo clinic is in Berlin: its doctor keeps its hours, and the portal shows its times, there. */
    static final String CLINIC_TIME_ZONE = "Europe/Berlin";

    private DemoData() {
    }

    /** {@code doctorZone} is where the demo doctor keeps their hours (the clinic's zone in the local stack). */
    static void seed(KeycloakServer keycloak, MediCoreServices.Ports ports, ZoneId doctorZone) {
        CallCredentials admin = BearerCredentials.of(keycloak.accessToken("admin"));
        try (Channel patients = new Channel(ports.patient(), ports.tls()); Channel appointments = new Channel(ports.appointment(), ports.tls());
             Channel notifications = new Channel(ports.notification(), ports.tls())) {
            seedPatient(PatientServiceGrpc.newBlockingStub(patients.channel).withCallCredentials(admin));
            seedConsent(NotificationServiceGrpc.newBlockingStub(notifications.channel).withCallCredentials(admin));
            seedDoctor(AppointmentServiceGrpc.newBlockingStub(appointments.channel).withCallCredentials(admin), doctorZone);
        }
    }

    private static void seedConsent(NotificationServiceGrpc.NotificationServiceBlockingStub notifications) {
        boolean neverAsked = notifications.getMessagePreferences(GetMessagePreferencesRequest.newBuilder()
                        .setPatientId(PATIENT_SUBJECT).build()).getPreferences().getConsentsList().stream()
                .filter(consent -> consent.getChannel() == NotificationChannel.EMAIL)
                .allMatch(consent -> consent.getState() == ConsentState.CONSENT_NOT_GIVEN);
        if (neverAsked) {
            notifications.updateMessagePreferences(UpdateMessagePreferencesRequest.newBuilder()
                    .setPatientId(PATIENT_SUBJECT).setUpdateMask(FieldMask.newBuilder().addPaths("consented_channels"))
                    .addConsentedChannels(NotificationChannel.EMAIL).build());
        }
    }

    private static void seedPatient(PatientServiceGrpc.PatientServiceBlockingStub patients) {
        if (exists(() -> patients.getPatient(GetPatientRequest.newBuilder().setPatientId(PATIENT_SUBJECT).build()))) {
            return;
        }
        patients.registerPatient(RegisterPatientRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Alice").setFamily("Patient"))
                .setDateOfBirth(Date.newBuilder().setYear(1985).setMonth(4).setDay(12))
                .setSex(Sex.FEMALE)
                .setContact(ContactDetails.newBuilder().setEmail("patient@medicore.local").setPhone("+49301234567")
                        .setAddress(Address.newBuilder().addLines("Invalidenstraße 1").setPostalCode("10115")
                                .setCity("Berlin").setCountryCode("DE")))
                .setKeycloakSubject(PATIENT_SUBJECT)
                .setRegisteredAtClinicId(CLINIC)
                .build());
    }

    private static void seedDoctor(AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments, ZoneId zone) {
        if (demoDoctor(appointments).isPresent()) {
            return;
        }
        Practitioner doctor = appointments.createPractitioner(CreatePractitionerRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Gregory").setFamily("Doctor"))
                .setSpecialty("General practice").setDepartment("General medicine").setClinicId(CLINIC)
                .setTimeZone(zone.getId()).setKeycloakSubject(DOCTOR_SUBJECT).build()).getPractitioner();
        SetWorkingHoursRequest.Builder hours = hours(doctor.getId());
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.addDays(DaySchedule.newBuilder().setDayOfWeek(day)
                    .addIntervals(interval("09:00", "17:00")).addBreaks(interval("12:00", "13:00")));
        }
        appointments.setWorkingHours(hours.build());
    }

    /**
     * The demo doctor works every day from {@code start} (in their zone) until midnight, so a test of
     * the whole day's work (book, check in, complete) gets a first slot that begins minutes from now.
     */
    static void doctorWorksEveryDayFrom(KeycloakServer keycloak, MediCoreServices.Ports ports, LocalTime start) {
        try (Channel channel = new Channel(ports.appointment(), ports.tls())) {
            var appointments = AppointmentServiceGrpc.newBlockingStub(channel.channel)
                    .withCallCredentials(BearerCredentials.of(keycloak.accessToken("admin")));
            Practitioner doctor = demoDoctor(appointments).orElseThrow(() -> new IllegalStateException("no demo doctor: seed first"));
            SetWorkingHoursRequest.Builder hours = hours(doctor.getId());
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.DAY_OF_WEEK_UNSPECIFIED && day != DayOfWeek.UNRECOGNIZED) {
                    hours.addDays(DaySchedule.newBuilder().setDayOfWeek(day)
                            .addIntervals(interval(start.withSecond(0).withNano(0).toString(), "23:59")));
                }
            }
            appointments.setWorkingHours(hours.build());
        }
    }

    private static Optional<Practitioner> demoDoctor(AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments) {
        return appointments.listPractitioners(ListPractitionersRequest.newBuilder()
                        .setClinicId(CLINIC).setPage(PageRequest.newBuilder().setPageSize(100)).build())
                .getPractitionersList().stream().filter(p -> p.getKeycloakSubject().equals(DOCTOR_SUBJECT)).findFirst();
    }

    private static SetWorkingHoursRequest.Builder hours(String practitionerId) {
        return SetWorkingHoursRequest.newBuilder()
                .setPractitionerId(practitionerId)
                .addSlotLengths(slot(AppointmentType.CONSULTATION, 20))
                .addSlotLengths(slot(AppointmentType.FOLLOW_UP, 15))
                .addSlotLengths(slot(AppointmentType.LAB_VISIT, 10));
    }

    private static SlotLength slot(AppointmentType type, int minutes) {
        return SlotLength.newBuilder().setAppointmentType(type).setMinutes(minutes).build();
    }

    private static LocalTimeInterval interval(String start, String end) {
        return LocalTimeInterval.newBuilder().setStart(start).setEnd(end).build();
    }

    private static boolean exists(Runnable read) {
        try {
            read.run();
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** A loopback channel (plaintext, or mutual TLS as the launcher's own workload) with a deadline on every call, closed after seeding. */
    private static final class Channel implements AutoCloseable {

        private final ManagedChannel channel;

        Channel(int port, WorkloadTls tls) {
            this.channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, tls.launcherChannels())
                    .intercept(new io.grpc.ClientInterceptor() {
                        @Override
                        public <Q, R> io.grpc.ClientCall<Q, R> interceptCall(io.grpc.MethodDescriptor<Q, R> method,
                                io.grpc.CallOptions options, io.grpc.Channel next) {
                            return next.newCall(method, options.withDeadlineAfter(30, TimeUnit.SECONDS));
                        }
                    })
                    .build();
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }
}
