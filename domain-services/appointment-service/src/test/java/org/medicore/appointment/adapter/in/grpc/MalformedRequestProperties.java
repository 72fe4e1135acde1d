package org.medicore.appointment.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.DayOfWeek;
import io.grpc.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.BookAppointmentResponse;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.LocalTimeInterval;
import org.medicore.contracts.appointment.v1.SetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.SetWorkingHoursResponse;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.support.grpc.Breakage;
import org.medicore.support.grpc.RefusedAnswer;
import org.medicore.support.port.Uuids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/** Whichever of a request's fields are malformed, the one refusal names exactly those, and no use case is called. */
class MalformedRequestProperties {

    private static final BookAppointmentRequest WELL_FORMED = BookAppointmentRequest.newBuilder()
            .setIdempotencyKey(UUID.randomUUID().toString()).setPatientId("patient-1")
            .setPractitionerId(UUID.randomUUID().toString()).setAppointmentType(AppointmentType.CONSULTATION)
            .setStart(Timestamp.newBuilder().setSeconds(1_790_000_000L)).build();

    private static final List<SlotLength> SLOT_LENGTHS = List.of(
            SlotLength.newBuilder().setAppointmentType(AppointmentType.CONSULTATION).setMinutes(30).build(),
            SlotLength.newBuilder().setAppointmentType(AppointmentType.FOLLOW_UP).setMinutes(15).build(),
            SlotLength.newBuilder().setAppointmentType(AppointmentType.LAB_VISIT).setMinutes(10).build());

    private static final List<DayOfWeek> WORKING_DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    @Property(tries = 300)
    void exactly_the_malformed_fields_are_named_and_no_booking_is_tried(@ForAll("breakages") List<Breakage<BookAppointmentRequest.Builder>> broken) {
        BookAppointmentRequest.Builder request = Breakage.applied(WELL_FORMED.toBuilder(), broken);
        AtomicInteger bookings = new AtomicInteger();
        BookAppointment booking = (caller, command) -> {
            bookings.incrementAndGet();
            throw new AssertionError("booked " + command);
        };
        RefusedAnswer<BookAppointmentResponse> answer = new RefusedAnswer<>();

        new AppointmentEndpoint(booking, null, null, null, null).bookAppointment(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyElementsOf(Breakage.fields(broken));
        assertThat(bookings).hasValue(0);
    }

    /** Each field broken or not, in the order the request is read; at least one broken. */
    @Provide
    Arbitrary<List<Breakage<BookAppointmentRequest.Builder>>> breakages() {
        Arbitrary<String> blank = Arbitraries.strings().whitespace().ofMaxLength(3);
        Arbitrary<Breakage<BookAppointmentRequest.Builder>> key = blank.map(value -> new Breakage<>("idempotency_key", "blank",
                request -> request.setIdempotencyKey(value)));
        Arbitrary<Breakage<BookAppointmentRequest.Builder>> patient = blank.map(value -> new Breakage<>("patient_id", "blank",
                request -> request.setPatientId(value)));
        Arbitrary<Breakage<BookAppointmentRequest.Builder>> practitioner = Arbitraries.strings().ofMaxLength(40).filter(value -> !Uuids.isUuid(value))
                .map(value -> new Breakage<>("practitioner_id", "'" + value + "'", request -> request.setPractitionerId(value)));
        Arbitrary<Breakage<BookAppointmentRequest.Builder>> start = Arbitraries.of(
                new Breakage<>("start", "absent", BookAppointmentRequest.Builder::clearStart),
                new Breakage<>("start", "before the year 1", request -> request.setStart(Timestamp.newBuilder().setSeconds(-62_135_596_801L))),
                new Breakage<>("start", "after the year 9999", request -> request.setStart(Timestamp.newBuilder().setSeconds(253_402_300_800L))),
                new Breakage<>("start", "with a second of nanos", request -> request.setStart(Timestamp.newBuilder().setNanos(1_000_000_000))));
        Arbitrary<Breakage<BookAppointmentRequest.Builder>> type = Arbitraries.of(0, 42).map(value -> new Breakage<>("appointment_type", "= " + value,
                request -> request.setAppointmentTypeValue(value)));
        return Breakage.anyMix(key, patient, practitioner, start, type);
    }

    @Property(tries = 200)
    void exactly_the_malformed_working_intervals_are_named(@ForAll("intervals") List<LocalTimeInterval> mornings) {
        SetWorkingHoursRequest.Builder request = SetWorkingHoursRequest.newBuilder()
                .setPractitionerId(UUID.randomUUID().toString()).addAllSlotLengths(SLOT_LENGTHS);
        List<String> malformed = new ArrayList<>();
        for (int i = 0; i < mornings.size(); i++) {
            LocalTimeInterval morning = mornings.get(i);
            request.addDays(DaySchedule.newBuilder().setDayOfWeek(WORKING_DAYS.get(i))
                    .addIntervals(morning).addIntervals(interval("13:00", "17:00")));
            if (!morning.getStart().equals("08:00")) {
                malformed.add("days[%d].intervals[0].start".formatted(i));
            } else if (!morning.getEnd().equals("12:00")) {
                malformed.add("days[%d].intervals[0].end".formatted(i));
            }
        }
        RefusedAnswer<SetWorkingHoursResponse> answer = new RefusedAnswer<>();

        new AppointmentEndpoint(null, null, null, null, null).setWorkingHours(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyElementsOf(malformed);
    }

    /**
     * Each working day's morning, 08:00 to 12:00, or with a start that is no HH:MM time of day, or
     * ending before it starts; at least one of them malformed.
     */
    @Provide
    Arbitrary<List<LocalTimeInterval>> intervals() {
        Arbitrary<LocalTimeInterval> wellFormed = Arbitraries.just(interval("08:00", "12:00"));
        Arbitrary<LocalTimeInterval> unreadableStart = Arbitraries.of("8:00", "24:00", "08:60", "0800", "08:00:00", "", "noon")
                .map(start -> interval(start, "12:00"));
        Arbitrary<LocalTimeInterval> endsFirst = Arbitraries.of("07:59", "08:00", "00:00")
                .map(end -> interval("08:00", end));
        return Arbitraries.frequencyOf(Tuple.of(3, wellFormed), Tuple.of(1, unreadableStart), Tuple.of(1, endsFirst))
                .list().ofSize(WORKING_DAYS.size())
                .filter(mornings -> mornings.stream().anyMatch(morning -> !morning.equals(interval("08:00", "12:00"))));
    }

    private static LocalTimeInterval interval(String start, String end) {
        return LocalTimeInterval.newBuilder().setStart(start).setEnd(end).build();
    }
}
