package org.medicore.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.notification.domain.NotificationFixtures.BERLIN;
import static org.medicore.notification.domain.NotificationFixtures.aRecipient;
import static org.medicore.notification.domain.NotificationFixtures.anAppointmentAt;

class NotificationPlannerTest {

    private final NotificationPlanner planner = new NotificationPlanner(
            new ReminderSchedule(List.of(Duration.ofHours(24), Duration.ofHours(2))));

    @Test
    void should_remind_a_day_and_two_hours_before_a_visit() {
        AppointmentCalendar visit = anAppointmentAt(berlin("2026-12-10T15:00"));

        List<Notification> reminders = planner.remindersOf(visit, aRecipient().build(), berlin("2026-12-01T10:00"));

        assertThat(reminders).extracting(Notification::dueAt)
                .containsExactly(berlin("2026-12-09T15:00"), berlin("2026-12-10T13:00"));
        assertThat(reminders).allMatch(reminder -> reminder.kind() == NotificationKind.REMINDER);
    }

    @Test
    void should_send_a_reminder_on_every_channel_the_patient_chose_each_with_its_own_key() {
        AppointmentCalendar visit = anAppointmentAt(berlin("2026-12-10T15:00"));

        List<Notification> reminders = planner.remindersOf(visit,
                aRecipient().on(Channel.EMAIL, Channel.SMS).build(), berlin("2026-12-01T10:00"));

        assertThat(reminders).hasSize(4);
        assertThat(reminders).extracting(Notification::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void should_not_remind_of_a_visit_booked_too_late_for_the_reminder() {
        AppointmentCalendar visit = anAppointmentAt(berlin("2026-12-10T15:00"));

        List<Notification> reminders = planner.remindersOf(visit, aRecipient().build(), berlin("2026-12-10T09:00"));

        assertThat(reminders).extracting(Notification::dueAt).containsExactly(berlin("2026-12-10T13:00"));
    }

    @Test
    void should_move_a_reminder_out_of_the_patients_night_in_the_patients_zone() {
        AppointmentCalendar visit = anAppointmentAt(berlin("2026-12-10T09:00"));
        Recipient inNewYork = aRecipient().livingIn(java.time.ZoneId.of("America/New_York"))
                .quietFrom(LocalTime.of(22, 0), LocalTime.of(7, 0)).build();

        List<Notification> reminders = planner.remindersOf(visit, inNewYork, berlin("2026-12-01T10:00"));

        // 24 h before is 03:00 in New York: moved to 07:00 there; 2 h before is 01:00 there, and
        // waiting for 07:00 would pass the visit, so it goes the evening before
        assertThat(reminders).extracting(Notification::dueAt).containsExactly(
                LocalDateTime.parse("2026-12-09T07:00").atZone(java.time.ZoneId.of("America/New_York")).toInstant(),
                LocalDateTime.parse("2026-12-09T21:59").atZone(java.time.ZoneId.of("America/New_York")).toInstant());
    }

    @Test
    void a_moved_appointment_gets_new_reminder_keys() {
        AppointmentCalendar booked = anAppointmentAt(berlin("2026-12-10T15:00"));
        Recipient recipient = aRecipient().build();

        List<Notification> before = planner.remindersOf(booked, recipient, berlin("2026-12-01T10:00"));
        List<Notification> after = planner.remindersOf(booked.movedTo(berlin("2026-12-11T15:00"),
                berlin("2026-12-11T15:30")), recipient, berlin("2026-12-01T10:00"));

        assertThat(after).extracting(Notification::idempotencyKey)
                .doesNotContainAnyElementsOf(before.stream().map(Notification::idempotencyKey).toList());
    }

    @Test
    void a_confirmation_goes_at_once_even_at_night_but_results_wait_for_the_morning() {
        Recipient recipient = aRecipient().build();
        Instant night = berlin("2026-12-03T23:10");
        UUID eventId = UUID.randomUUID();

        Notification confirmation = planner.forEvent(eventId, NotificationKind.BOOKING_CONFIRMED, recipient,
                anAppointmentAt(berlin("2026-12-10T09:00")).details(), night).getFirst();
        Notification results = planner.forEvent(eventId, NotificationKind.RESULTS_READY, recipient,
                new MessageContent.ResultsReady(UUID.randomUUID()), night).getFirst();

        assertThat(confirmation.dueAt()).isEqualTo(night);
        assertThat(results.dueAt()).isEqualTo(berlin("2026-12-04T08:00"));
    }

    @Test
    void the_same_event_gives_the_same_keys() {
        Recipient recipient = aRecipient().build();
        UUID eventId = UUID.randomUUID();
        MessageContent content = new MessageContent.ResultsReady(UUID.randomUUID());

        assertThat(planner.forEvent(eventId, NotificationKind.RESULTS_READY, recipient, content, Instant.EPOCH))
                .extracting(Notification::idempotencyKey)
                .isEqualTo(planner.forEvent(eventId, NotificationKind.RESULTS_READY, recipient, content, Instant.EPOCH)
                        .stream().map(Notification::idempotencyKey).toList());
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }
}
