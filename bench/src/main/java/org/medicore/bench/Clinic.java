package org.medicore.bench;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.DayOfWeek;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CreatePractitionerRequest;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.LocalTimeInterval;
import org.medicore.contracts.appointment.v1.SetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's own corner of the clinic, made fresh for each run so runs never collide: a
 * practitioner who works every day around the clock in UTC (5-minute lab visits, so 286 slots
 * a day from tomorrow on), a patient who books, and a patient whose chart the doctor reads
 * (history notes and a few appointments). Every booking takes the next free slot. The booking
 * patient can hold one visit at a time, so one run books at most a year's slots (the services'
 * booking horizon): about 104,000, which a warm full run with its burst of 20,000 stays under.
 */
final class Clinic implements AutoCloseable {

    static final int SLOT_MINUTES = 5;
    static final int SLOTS_PER_DAY = 286;
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    final ManagedChannel patientChannel;
    final ManagedChannel appointmentChannel;
    final ManagedChannel billingChannel;
    final Tokens tokens;
    final String practitionerId;
    final String bookingPatientId;
    final String readPatientId;
    /** This run's mark in every name it gives, so its records are told from any other run's. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    private final FreeSlots slots = new FreeSlots(LocalDate.now(ZoneOffset.UTC).plusDays(2));

    Clinic(Target target, Tokens tokens) {
        this.tokens = tokens;
        this.patientChannel = channel(target.patient());
        this.appointmentChannel = channel(target.appointment());
        this.billingChannel = channel(target.billing());
        practitionerId = newPractitioner("Practitioner " + run);
        bookingPatientId = register("Booker " + run);
        readPatientId = register("Chart " + run);
        var appointments = appointments("admin");
        var patients = patients("doctor");
        for (int i = 0; i < 5; i++) {
            patients.addHistoryEntry(AddHistoryEntryRequest.newBuilder().setPatientId(readPatientId)
                    .setNote(Note.newBuilder().setText("Benchmark note " + i)).build());
        }
        for (int i = 0; i < 3; i++) {
            appointments.bookAppointment(booking(readPatientId, nextStart()));
        }
    }

    /** A practitioner of this run who works around the clock, for a scenario that needs one of its own. */
    String newPractitioner(String family) {
        return newPractitioner(family, ZoneOffset.UTC, SLOT_MINUTES, LocalTime.MIDNIGHT, LocalTime.of(23, 50));
    }

    /** A practitioner of this run who works every day from {@code from} to {@code to} in {@code zone}. */
    String newPractitioner(String family, ZoneId zone, int slotMinutes, LocalTime from, LocalTime to) {
        return newPractitioner(appointments("admin"), family, zone, slotMinutes, from, to);
    }

    /** A practitioner who works every day from {@code from} to {@code to} in {@code zone}, made by an admin's calls. */
    static String newPractitioner(AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments, String family, ZoneId zone,
                                  int slotMinutes, LocalTime from, LocalTime to) {
        String id = appointments.createPractitioner(CreatePractitionerRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Bench").setFamily(family))
                .setSpecialty("Benchmarking").setDepartment("Benchmarking").setClinicId("main").setTimeZone(zone.getId())
                .build()).getPractitioner().getId();
        // Working hours name a slot length for every kind of visit; the bench books lab visits only.
        SetWorkingHoursRequest.Builder hours = SetWorkingHoursRequest.newBuilder().setPractitionerId(id);
        for (AppointmentType type : List.of(AppointmentType.CONSULTATION, AppointmentType.FOLLOW_UP, AppointmentType.LAB_VISIT)) {
            hours.addSlotLengths(SlotLength.newBuilder().setAppointmentType(type).setMinutes(slotMinutes));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.DAY_OF_WEEK_UNSPECIFIED && day != DayOfWeek.UNRECOGNIZED) {
                hours.addDays(DaySchedule.newBuilder().setDayOfWeek(day)
                        .addIntervals(LocalTimeInterval.newBuilder().setStart(HOURS.format(from)).setEnd(HOURS.format(to))));
            }
        }
        appointments.setWorkingHours(hours.build());
        return id;
    }

    /** The start of the next slot nobody has booked in this run. */
    Instant nextStart() {
        return slots.next();
    }

    BookAppointmentRequest booking(String patientId, Instant start) {
        return booking(practitionerId, patientId, start);
    }

    BookAppointmentRequest booking(String practitioner, String patientId, Instant start) {
        return BookAppointmentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
                .setPatientId(patientId).setPractitionerId(practitioner)
                .setStart(Timestamp.newBuilder().setSeconds(start.getEpochSecond()))
                .setAppointmentType(AppointmentType.LAB_VISIT).build();
    }

    AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments(String user) {
        return AppointmentServiceGrpc.newBlockingStub(appointmentChannel).withCallCredentials(bearer(user))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    PatientServiceGrpc.PatientServiceBlockingStub patients(String user) {
        return PatientServiceGrpc.newBlockingStub(patientChannel).withCallCredentials(bearer(user))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    BillingServiceGrpc.BillingServiceBlockingStub billing(String user) {
        return BillingServiceGrpc.newBlockingStub(billingChannel).withCallCredentials(bearer(user))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    String register(String family) {
        return patients("admin").registerPatient(registration(family)).getPatient().getId();
    }

    /** A new patient of the clinic, named {@code family}, with the e-mail address made from it. */
    RegisterPatientRequest registration(String family) {
        return RegisterPatientRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Bench").setFamily(family))
                .setDateOfBirth(Date.newBuilder().setYear(1980).setMonth(1).setDay(1))
                .setContact(ContactDetails.newBuilder().setEmail(family.replace(' ', '.').toLowerCase() + "@bench.medicore.local"))
                .setRegisteredAtClinicId("main").build();
    }

    CallCredentials bearer(String user) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + tokens.of(user));
                applier.apply(headers);
            }
        };
    }

    private static ManagedChannel channel(String target) {
        return ManagedChannelBuilder.forTarget(target).usePlaintext().build();
    }

    @Override
    public void close() {
        patientChannel.shutdownNow();
        appointmentChannel.shutdownNow();
        billingChannel.shutdownNow();
    }
}
