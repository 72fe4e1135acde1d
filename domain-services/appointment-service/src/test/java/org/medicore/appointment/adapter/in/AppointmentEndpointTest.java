package org.medicore.appointment.adapter.in;

import com.google.protobuf.Timestamp;
import com.google.rpc.PreconditionFailure;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.appointment.support.TestTokens;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc.AppointmentServiceBlockingStub;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.CompleteAppointmentRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPractitionerDayRequest;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.common.v1.AppointmentType;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The gRPC contract over a real port: tokens, access rules and error details. */
class AppointmentEndpointTest extends IntegrationTest {

    private static final String PATIENT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01";
    private static final String DOCTOR = "doctor-" + UUID.randomUUID();

    @LocalGrpcServerPort
    int port;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void a_patient_books_for_themselves_and_a_taken_slot_is_refused_with_its_rule() throws Exception {
        Practitioner practitioner = aPractitionerWithHours();
        Instant start = at(nextMonday(), "09:00");

        var booked = as(TestTokens.token(PATIENT, "PATIENT")).bookAppointment(booking(practitioner, PATIENT, start));
        String otherPatient = UUID.randomUUID().toString();
        var taken = catchStatus(() -> as(TestTokens.token(otherPatient, "PATIENT")).bookAppointment(booking(practitioner, otherPatient, start)));

        assertThat(booked.getAppointment().getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(StatusProto.fromThrowable(taken).getDetails(0).unpack(PreconditionFailure.class).getViolations(0).getType())
                .isEqualTo("SLOT_TAKEN");
    }

    @Test
    void a_patient_cannot_book_for_someone_else() {
        Practitioner practitioner = aPractitionerWithHours();

        var denied = catchStatus(() -> as(TestTokens.token(PATIENT, "PATIENT"))
                .bookAppointment(booking(practitioner, "someone-else", at(nextMonday(), "10:00"))));

        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void calls_without_a_valid_token_are_unauthenticated() {
        Practitioner practitioner = aPractitionerWithHours();
        var request = booking(practitioner, PATIENT, at(nextMonday(), "10:30"));

        var missing = catchStatus(() -> AppointmentServiceGrpc.newBlockingStub(channel).bookAppointment(request));
        var expired = catchStatus(() -> as(TestTokens.sign(PATIENT, "medicore-api", Instant.now().minus(Duration.ofHours(1)), "PATIENT"))
                .bookAppointment(request));
        var wrongAudience = catchStatus(() -> as(TestTokens.sign(PATIENT, "another-api", Instant.now().plus(Duration.ofHours(1)), "PATIENT"))
                .bookAppointment(request));

        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(expired.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(wrongAudience.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void completing_a_cancelled_appointment_is_a_failed_precondition() {
        Practitioner practitioner = aPractitionerWithHours(DOCTOR);
        var patient = as(TestTokens.token(PATIENT, "PATIENT"));
        String id = patient.bookAppointment(booking(practitioner, PATIENT, at(nextMonday().plusDays(1), "11:00"))).getAppointment().getId();
        patient.cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(id)
                .setCancelledBy(CancellingParty.PATIENT).setReason("better").build());

        var refused = catchStatus(() -> as(TestTokens.token(DOCTOR, "DOCTOR"))
                .completeAppointment(CompleteAppointmentRequest.newBuilder().setAppointmentId(id).build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void a_doctor_sees_their_own_day_but_not_a_colleagues() {
        Practitioner own = aPractitionerWithHours(DOCTOR + "-own");
        Practitioner colleague = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(2);
        as(TestTokens.token(PATIENT, "PATIENT")).bookAppointment(booking(own, PATIENT, at(day, "08:00")));
        var doctor = as(TestTokens.token(DOCTOR + "-own", "DOCTOR"));

        var ownDay = doctor.listAppointmentsByPractitionerDay(dayRequest(own, day));
        var denied = catchStatus(() -> doctor.listAppointmentsByPractitionerDay(dayRequest(colleague, day)));

        assertThat(ownDay.getAppointmentsList()).hasSize(1);
        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void free_slots_leave_out_the_booked_one_and_a_bad_range_names_its_field() {
        Practitioner practitioner = aPractitionerWithHours();
        LocalDate day = nextMonday().plusDays(3);
        var patient = as(TestTokens.token(PATIENT, "PATIENT"));
        patient.bookAppointment(booking(practitioner, PATIENT, at(day, "08:00")));

        var slots = patient.listFreeSlots(ListFreeSlotsRequest.newBuilder().setPractitionerId(practitioner.id().toString())
                .setFromDate(date(day)).setToDate(date(day)).setAppointmentType(AppointmentType.CONSULTATION).build());
        var invalid = catchStatus(() -> patient.listFreeSlots(ListFreeSlotsRequest.newBuilder()
                .setPractitionerId(practitioner.id().toString()).setFromDate(date(day)).setToDate(date(day.minusDays(1)))
                .setAppointmentType(AppointmentType.CONSULTATION).build()));

        assertThat(slots.getSlotsList()).hasSize(7);
        assertThat(slots.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid.getStatus().getDescription()).startsWith("to_date");
    }

    private AppointmentServiceBlockingStub as(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return AppointmentServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static BookAppointmentRequest booking(Practitioner practitioner, String patient, Instant start) {
        return BookAppointmentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString()).setPatientId(patient)
                .setPractitionerId(practitioner.id().toString()).setAppointmentType(AppointmentType.CONSULTATION)
                .setStart(Timestamp.newBuilder().setSeconds(start.getEpochSecond())).build();
    }

    private static ListAppointmentsByPractitionerDayRequest dayRequest(Practitioner practitioner, LocalDate day) {
        return ListAppointmentsByPractitionerDayRequest.newBuilder().setPractitionerId(practitioner.id().toString())
                .setDate(date(day)).build();
    }

    private static com.google.type.Date date(LocalDate day) {
        return com.google.type.Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }

    private static StatusRuntimeException catchStatus(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }
}
