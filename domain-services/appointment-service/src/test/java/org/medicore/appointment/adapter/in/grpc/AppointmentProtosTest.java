package org.medicore.appointment.adapter.in.grpc;

import com.google.type.Date;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.domain.AppointmentStatus;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.PersonName;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WorkingHours;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.LocalTimeInterval;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.support.mapping.ProtoConversions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.adapter.in.grpc.AppointmentProtos.PROTOS;
import static org.medicore.appointment.support.AppointmentBuilder.anAppointment;
import static org.medicore.appointment.support.ScheduleBuilder.aWeek;

class AppointmentProtosTest {

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void a_booked_appointment_says_from_when_a_patients_cancellation_is_late() {
        Appointment proto = PROTOS.appointment(anAppointment().startingAt(START).inStatus(AppointmentStatus.BOOKED).build());

        assertThat(ProtoConversions.instant(proto.getLateCancellationFrom())).isEqualTo(Instant.parse("2026-05-31T08:00:00Z"));
    }

    @Test
    void an_appointment_no_longer_booked_names_no_late_cancellation_time() {
        Appointment proto = PROTOS.appointment(anAppointment().startingAt(START).inStatus(AppointmentStatus.CHECKED_IN).build());

        assertThat(proto.hasLateCancellationFrom()).isFalse();
        assertThat(proto.getStatus()).isEqualTo(org.medicore.contracts.appointment.v1.AppointmentStatus.CHECKED_IN);
    }

    @Test
    void what_has_not_happened_to_an_appointment_is_left_unset() {
        Appointment proto = PROTOS.appointment(anAppointment().startingAt(START).build());

        assertThat(proto.hasCancellation()).isFalse();
        assertThat(proto.hasCheckedInAt()).isFalse();
        assertThat(proto.hasCompletedAt()).isFalse();
        assertThat(proto.hasOutsideWorkingHoursSince()).isFalse();
        assertThat(ProtoConversions.instant(proto.getStart())).isEqualTo(START);
        assertThat(ProtoConversions.instant(proto.getEnd())).isEqualTo(START.plusSeconds(30 * 60));
    }

    @Test
    void a_practitioner_without_an_account_has_no_keycloak_subject() {
        Instant at = Instant.parse("2026-01-05T10:15:30.123456789Z");
        var proto = PROTOS.practitioner(new Practitioner(new PractitionerId(UUID.randomUUID()), new PersonName("Ada", "Byron"),
                "Cardiology", "Internal Medicine", "clinic-1", ZoneId.of("Europe/Berlin"), Optional.empty(), 3, at, at));

        assertThat(proto.getKeycloakSubject()).isEmpty();
        assertThat(proto.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(proto.getName().getFamily()).isEqualTo("Byron");
        assertThat(ProtoConversions.instant(proto.getUpdatedAt())).isEqualTo(at);
    }

    @Test
    void working_hours_list_the_days_from_monday_and_the_days_off_by_date() {
        var schedule = aWeek().working(DayOfWeek.FRIDAY, "09:00", "17:30").working(DayOfWeek.MONDAY, "08:00", "12:00")
                .withBreak("10:00", "10:15").off(LocalDate.of(2026, 12, 31)).off(LocalDate.of(2026, 12, 24))
                .slotsOf(AppointmentType.LAB_VISIT, 5).build();

        var proto = PROTOS.workingHours(new WorkingHours(new PractitionerId(UUID.randomUUID()), schedule, 2, START));

        assertThat(proto.getDaysList()).extracting(DaySchedule::getDayOfWeek)
                .containsExactly(com.google.type.DayOfWeek.MONDAY, com.google.type.DayOfWeek.FRIDAY);
        assertThat(proto.getDays(0).getIntervalsList()).extracting(LocalTimeInterval::getStart, LocalTimeInterval::getEnd)
                .containsExactly(Tuple.tuple("08:00", "12:00"));
        assertThat(proto.getDays(1).getBreaksList()).extracting(LocalTimeInterval::getStart).containsExactly("10:00");
        assertThat(proto.getDaysOffList()).extracting(Date::getDay).containsExactly(24, 31);
        assertThat(proto.getSlotLengthsList()).extracting(SlotLength::getAppointmentType, SlotLength::getMinutes)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(org.medicore.contracts.common.v1.AppointmentType.CONSULTATION, 30),
                        Tuple.tuple(org.medicore.contracts.common.v1.AppointmentType.FOLLOW_UP, 15),
                        Tuple.tuple(org.medicore.contracts.common.v1.AppointmentType.LAB_VISIT, 5));
    }
}
