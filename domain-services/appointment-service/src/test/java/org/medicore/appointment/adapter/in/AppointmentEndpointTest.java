package org.medicore.appointment.adapter.in;

import com.google.protobuf.Timestamp;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.support.GrpcClient;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.CompleteAppointmentRequest;
import org.medicore.contracts.appointment.v1.CreatePractitionerRequest;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.GetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.appointment.v1.LocalTimeInterval;
import org.medicore.contracts.appointment.v1.RescheduleAppointmentRequest;
import org.medicore.contracts.appointment.v1.SetWorkingHoursRequest;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.localstack.TestTokens;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.ApiRequests.appointment;
import static org.medicore.appointment.support.ApiRequests.appointmentsOf;
import static org.medicore.appointment.support.ApiRequests.booking;
import static org.medicore.appointment.support.ApiRequests.date;
import static org.medicore.appointment.support.ApiRequests.dayOf;
import static org.medicore.appointment.support.GrpcClient.statusOf;
import static org.medicore.appointment.support.ScheduleBuilder.aWeek;
import static org.medicore.support.grpc.RefusalDetails.detail;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/** The gRPC contract over a real port: tokens, access rules and error details. */
class AppointmentEndpointTest extends IntegrationTest {

    private static final String PATIENT = UUID.randomUUID().toString();
    private static final String DOCTOR = "doctor-" + UUID.randomUUID();

    @LocalGrpcServerPort
    int port;

    @Autowired
    DSLContext dsl;

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
    void a_patient_books_for_themselves_and_a_taken_slot_is_refused_with_its_rule() throws Exception {
        Practitioner practitioner = aPractitionerWithHours();
        Instant start = at(nextMonday(), "09:00");

        var booked = client.as(TestTokens.forSubject(PATIENT, "PATIENT")).bookAppointment(booking(practitioner, PATIENT, start));
        String otherPatient = UUID.randomUUID().toString();
        var taken = statusOf(() -> client.as(TestTokens.forSubject(otherPatient, "PATIENT"))
                .bookAppointment(booking(practitioner, otherPatient, start)));

        assertThat(booked.getAppointment().getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(detail(taken, PreconditionFailure.class).getViolations(0).getType())
                .isEqualTo("SLOT_TAKEN");
    }

    @Test
    void a_patient_cannot_book_for_someone_else() {
        Practitioner practitioner = aPractitionerWithHours();

        var denied = statusOf(() -> client.as(TestTokens.forSubject(PATIENT, "PATIENT"))
                .bookAppointment(booking(practitioner, "someone-else", at(nextMonday(), "10:00"))));

        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void calls_without_a_valid_token_are_unauthenticated() {
        Practitioner practitioner = aPractitionerWithHours();
        var request = booking(practitioner, PATIENT, at(nextMonday(), "10:30"));

        var missing = statusOf(() -> client.anonymous().bookAppointment(request));
        var expired = statusOf(() -> client.as(TestTokens.expired(PATIENT, "PATIENT")).bookAppointment(request));
        var wrongAudience = statusOf(() -> client.as(TestTokens.forAnotherAudience(PATIENT, "PATIENT")).bookAppointment(request));
        var forged = statusOf(() -> client.as(TestTokens.signedByAStranger(PATIENT, "PATIENT")).bookAppointment(request));

        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(expired.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(wrongAudience.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(forged.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void completing_a_cancelled_appointment_is_a_failed_precondition() {
        Practitioner practitioner = aPractitionerWithHours(DOCTOR);
        var patient = client.as(TestTokens.forSubject(PATIENT, "PATIENT"));
        String id = patient.bookAppointment(booking(practitioner, PATIENT, at(nextMonday().plusDays(1), "11:00"))).getAppointment().getId();
        patient.cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(id)
                .setCancelledBy(CancellingParty.PATIENT).setReason("better").build());

        var refused = statusOf(() -> client.as(TestTokens.forSubject(DOCTOR, "DOCTOR"))
                .completeAppointment(CompleteAppointmentRequest.newBuilder().setAppointmentId(id).build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        var broken = detail(refused, PreconditionFailure.class).getViolations(0);
        assertThat(broken.getType()).isEqualTo("ALREADY_FINAL");
        assertThat(broken.getSubject()).isEmpty();
        assertThat(refused.getStatus().getDescription()).isEqualTo(broken.getDescription());
    }

    @Test
    void an_unknown_appointment_a_stale_version_and_a_second_practitioner_for_one_account_are_each_refused_with_their_status() {
        String account = DOCTOR + "-once";
        Practitioner practitioner = aPractitionerWithHours(account);
        var patient = client.as(TestTokens.forSubject(PATIENT, "PATIENT"));
        String id = patient.bookAppointment(booking(practitioner, PATIENT, at(nextMonday().plusDays(4), "11:30")))
                .getAppointment().getId();
        String unknown = UUID.randomUUID().toString();

        var missing = statusOf(() -> patient.getAppointment(appointment(unknown)));
        var stale = statusOf(() -> patient.cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(id)
                .setExpectedVersion(7).setReason("better").build()));
        var twice = statusOf(() -> client.as(TestTokens.forSubject("admin-" + UUID.randomUUID(), "ADMIN"))
                .createPractitioner(CreatePractitionerRequest.newBuilder()
                        .setName(PersonName.newBuilder().setGiven("Grace").setFamily("Hopper"))
                        .setClinicId("clinic-1").setTimeZone("Europe/Berlin").setKeycloakSubject(account).build()));

        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(missing.getStatus().getDescription()).isEqualTo("no appointment " + unknown);
        assertThat(detail(missing, ResourceInfo.class).getResourceType()).isEqualTo("appointment");
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(detail(stale, ErrorInfo.class).getDomain()).isEqualTo("appointment-service");
        assertThat(detail(stale, ErrorInfo.class).getMetadataMap()).containsEntry("current_version", "1");
        assertThat(twice.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(twice.getStatus().getDescription()).isEqualTo("already exists: practitioner " + account);
    }

    @Test
    void who_cancelled_follows_from_the_callers_role_when_the_request_does_not_say() {
        Practitioner practitioner = aPractitionerWithHours(DOCTOR + "-cancels");
        String patientId = UUID.randomUUID().toString();
        var patient = client.as(TestTokens.forSubject(patientId, "PATIENT"));
        String byDoctor = patient.bookAppointment(booking(practitioner, patientId, at(nextMonday().plusDays(3), "08:00")))
                .getAppointment().getId();
        String byPatient = patient.bookAppointment(booking(practitioner, patientId, at(nextMonday().plusDays(3), "09:00")))
                .getAppointment().getId();
        String byAdmin = patient.bookAppointment(booking(practitioner, patientId, at(nextMonday().plusDays(3), "10:00")))
                .getAppointment().getId();

        var doctorCancelled = client.as(TestTokens.forSubject(DOCTOR + "-cancels", "DOCTOR")).cancelAppointment(
                CancelAppointmentRequest.newBuilder().setAppointmentId(byDoctor).setReason("ill").build());
        var patientCancelled = patient.cancelAppointment(
                CancelAppointmentRequest.newBuilder().setAppointmentId(byPatient).setReason("better").build());
        var adminCancelled = client.as(TestTokens.forSubject("admin-" + UUID.randomUUID(), "ADMIN")).cancelAppointment(
                CancelAppointmentRequest.newBuilder().setAppointmentId(byAdmin).setReason("room closed").build());

        assertThat(doctorCancelled.getAppointment().getCancellation().getCancelledBy()).isEqualTo(CancellingParty.PRACTITIONER);
        assertThat(patientCancelled.getAppointment().getCancellation().getCancelledBy()).isEqualTo(CancellingParty.PATIENT);
        assertThat(adminCancelled.getAppointment().getCancellation().getCancelledBy()).isEqualTo(CancellingParty.CLINIC);
    }

    @Test
    void a_booking_beyond_the_horizon_and_dates_at_the_ends_of_the_calendar_are_refused_naming_their_field() {
        Practitioner practitioner = aPractitionerWithHours();
        var patient = client.as(TestTokens.forSubject(PATIENT, "PATIENT"));
        LocalDate beyond = nextMonday().plusWeeks(53);
        ListFreeSlotsRequest.Builder slots = ListFreeSlotsRequest.newBuilder().setPractitionerId(practitioner.id().toString())
                .setAppointmentType(AppointmentType.CONSULTATION);

        var booking = statusOf(() -> patient.bookAppointment(booking(practitioner, PATIENT, at(beyond, "09:00"))));
        var lastDay = statusOf(() -> patient.listFreeSlots(slots.setFromDate(date(LocalDate.MAX)).setToDate(date(LocalDate.MAX)).build()));
        var firstDay = statusOf(() -> patient.listFreeSlots(slots.setFromDate(date(LocalDate.of(1, 1, 1)))
                .setToDate(date(LocalDate.of(1, 1, 1))).build()));
        var farTo = statusOf(() -> patient.listFreeSlots(slots.setFromDate(date(nextMonday())).setToDate(date(LocalDate.MAX)).build()));
        var schedule = statusOf(() -> client.as(TestTokens.forSubject("admin-" + UUID.randomUUID(), "ADMIN"))
                .listAppointmentsByPractitionerDay(dayOf(practitioner, LocalDate.MAX)));

        assertThat(List.of(booking, lastDay, firstDay, farTo, schedule)).extracting(e -> e.getStatus().getCode())
                .containsOnly(Status.Code.INVALID_ARGUMENT);
        assertThat(booking.getStatus().getDescription()).startsWith("start");
        assertThat(lastDay.getStatus().getDescription()).startsWith("from_date");
        assertThat(firstDay.getStatus().getDescription()).startsWith("from_date");
        assertThat(farTo.getStatus().getDescription()).startsWith("to_date");
        assertThat(schedule.getStatus().getDescription()).startsWith("date");
    }

    @Test
    void new_hours_that_leave_a_booking_outside_mark_it_with_an_event_until_it_is_moved() {
        Practitioner practitioner = aPractitionerWithHours(DOCTOR + "-hours");
        LocalDate day = nextMonday().plusDays(1);
        var patient = client.as(TestTokens.forSubject(PATIENT, "PATIENT"));
        String id = patient.bookAppointment(booking(practitioner, PATIENT, at(day, "11:00"))).getAppointment().getId();

        var set = success(practitioners.setWorkingHours(ADMIN, practitioner.id(), 0, aWeek().workingWeekdays("08:00", "10:00").build()));

        assertThat(set.conflictingAppointments()).extracting(Object::toString).containsExactly(id);
        var marked = patient.getAppointment(appointment(id)).getAppointment();
        assertThat(marked.hasOutsideWorkingHoursSince()).isTrue();
        assertThat(marked.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(client.as(TestTokens.forSubject(DOCTOR + "-hours", "DOCTOR")).listAppointmentsByPractitionerDay(dayOf(practitioner, day))
                .getAppointmentsList()).singleElement().satisfies(inSchedule -> assertThat(inSchedule.hasOutsideWorkingHoursSince()).isTrue());
        assertThat(dsl.fetchCount(DSL.table("outbox_event"), DSL.field("event_type").eq("medicore.events.v2.AppointmentOutsideWorkingHours")
                .and(DSL.field("aggregate_id").eq(UUID.fromString(id))))).isEqualTo(1);

        success(practitioners.setWorkingHours(ADMIN, practitioner.id(), 0, aWeek().workingWeekdays("08:00", "10:00").build()));
        assertThat(dsl.fetchCount(DSL.table("outbox_event"), DSL.field("event_type").eq("medicore.events.v2.AppointmentOutsideWorkingHours")
                .and(DSL.field("aggregate_id").eq(UUID.fromString(id))))).as("marked once").isEqualTo(1);

        var moved = patient.rescheduleAppointment(RescheduleAppointmentRequest.newBuilder().setAppointmentId(id)
                .setNewStart(Timestamp.newBuilder().setSeconds(at(day, "09:00").getEpochSecond())).build()).getAppointment();
        assertThat(moved.hasOutsideWorkingHoursSince()).isFalse();
    }

    @Test
    void a_doctor_sees_their_own_day_but_not_a_colleagues() {
        Practitioner own = aPractitionerWithHours(DOCTOR + "-own");
        Practitioner colleague = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(2);
        client.as(TestTokens.forSubject(PATIENT, "PATIENT")).bookAppointment(booking(own, PATIENT, at(day, "08:00")));
        var doctor = client.as(TestTokens.forSubject(DOCTOR + "-own", "DOCTOR"));

        var ownDay = doctor.listAppointmentsByPractitionerDay(dayOf(own, day));
        var denied = statusOf(() -> doctor.listAppointmentsByPractitionerDay(dayOf(colleague, day)));

        assertThat(ownDay.getAppointmentsList()).hasSize(1);
        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void a_patients_upcoming_appointments_come_soonest_first_in_pages_a_token_continues() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(4);
        String patientId = UUID.randomUUID().toString();
        var patient = client.as(TestTokens.forSubject(patientId, "PATIENT"));
        for (String time : List.of("09:00", "08:00", "08:30")) {
            patient.bookAppointment(booking(practitioner, patientId, at(day, time)));
        }
        var upcoming = appointmentsOf(patientId).toBuilder().setTimeFilter(AppointmentTimeFilter.UPCOMING);

        var first = patient.listAppointmentsByPatient(upcoming.setPage(PageRequest.newBuilder().setPageSize(2)).build());
        var second = patient.listAppointmentsByPatient(upcoming.setPage(PageRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getPageInfo().getNextPageToken())).build());

        assertThat(first.getAppointmentsList()).extracting(appointment -> appointment.getStart().getSeconds())
                .containsExactly(at(day, "08:00").getEpochSecond(), at(day, "08:30").getEpochSecond());
        assertThat(second.getAppointmentsList()).extracting(appointment -> appointment.getStart().getSeconds())
                .containsExactly(at(day, "09:00").getEpochSecond());
        assertThat(second.getPageInfo().getNextPageToken()).isEmpty();
        assertThat(second.getPageInfo().getTotalSize()).isEqualTo(3);
    }

    @Test
    void free_slots_leave_out_the_booked_one_and_a_bad_range_names_its_field() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(3);
        var patient = client.as(TestTokens.forSubject(PATIENT, "PATIENT"));
        patient.bookAppointment(booking(practitioner, PATIENT, at(day, "08:00")));

        var slots = patient.listFreeSlots(ListFreeSlotsRequest.newBuilder().setPractitionerId(practitioner.id().toString())
                .setFromDate(date(day)).setToDate(date(day)).setAppointmentType(AppointmentType.CONSULTATION).build());
        var invalid = statusOf(() -> patient.listFreeSlots(ListFreeSlotsRequest.newBuilder()
                .setPractitionerId(practitioner.id().toString()).setFromDate(date(day)).setToDate(date(day.minusDays(1)))
                .setAppointmentType(AppointmentType.CONSULTATION).build()));

        assertThat(slots.getSlotsList()).hasSize(7);
        assertThat(slots.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid.getStatus().getDescription()).startsWith("to_date");
    }

    @Test
    void a_booking_with_three_malformed_fields_names_each_of_them_and_books_nothing() {
        Practitioner practitioner = aPractitionerWithHours();
        String patient = UUID.randomUUID().toString();
        var asPatient = client.as(TestTokens.forSubject(patient, "PATIENT"));
        BookAppointmentRequest malformed = booking(practitioner, patient, at(nextMonday(), "09:00")).toBuilder()
                .setPractitionerId("dr-who").clearStart().setAppointmentType(AppointmentType.APPOINTMENT_TYPE_UNSPECIFIED).build();

        var refused = statusOf(() -> asPatient.bookAppointment(malformed));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(refused)).containsExactly("practitioner_id", "start", "appointment_type");
        assertThat(refused.getStatus().getDescription()).doesNotContain("dr-who");
        assertThat(asPatient.listAppointmentsByPatient(appointmentsOf(patient)).getPageInfo().getTotalSize()).isZero();
    }

    @Test
    void working_hours_with_two_malformed_intervals_name_both_and_keep_the_hours_set_before() {
        Practitioner practitioner = aPractitionerWithHours();
        var admin = client.as(TestTokens.forSubject("admin-" + UUID.randomUUID(), "ADMIN"));
        var before = admin.getWorkingHours(GetWorkingHoursRequest.newBuilder()
                .setPractitionerId(practitioner.id().toString()).build()).getWorkingHours();
        var changed = SetWorkingHoursRequest.newBuilder().setPractitionerId(practitioner.id().toString())
                .addAllSlotLengths(before.getSlotLengthsList())
                .addDays(DaySchedule.newBuilder().setDayOfWeek(com.google.type.DayOfWeek.MONDAY)
                        .addIntervals(interval("08:00", "12:00")).addIntervals(interval("8 am", "17:00")))
                .addDays(DaySchedule.newBuilder().setDayOfWeek(com.google.type.DayOfWeek.TUESDAY)
                        .addIntervals(interval("14:00", "13:00")))
                .build();

        var refused = statusOf(() -> admin.setWorkingHours(changed));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(refused)).containsExactly("days[0].intervals[1].start", "days[1].intervals[0].end");
        assertThat(admin.getWorkingHours(GetWorkingHoursRequest.newBuilder()
                .setPractitionerId(practitioner.id().toString()).build()).getWorkingHours()).isEqualTo(before);
    }

    private static LocalTimeInterval interval(String start, String end) {
        return LocalTimeInterval.newBuilder().setStart(start).setEnd(end).build();
    }
}
