package org.medicore.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides which messages an event gives a patient: one per chosen channel, due at once for
 * confirmations and after the quiet hours for the rest; reminders at the schedule's lead
 * times, each moved out of the night.
 */
public final class NotificationPlanner {

    private final ReminderSchedule reminders;

    public NotificationPlanner(ReminderSchedule reminders) {
        this.reminders = reminders;
    }

    /** A message caused by one event; its key is made from the event id, so a redelivery repeats it exactly. */
    public List<Notification> forEvent(UUID eventId, NotificationKind kind, Recipient recipient,
                                       MessageContent content, Instant now) {
        Instant due = kind.waitsForQuietHours() ? recipient.quietHours().earliestFrom(now, recipient.zone()) : now;
        return recipient.channels().stream().sorted()
                .map(channel -> new Notification(UUID.randomUUID(), kind + ":" + eventId + ":" + channel,
                        recipient.patientId(), kind, channel, due, content))
                .toList();
    }

    /** The reminders of an appointment at its current time; keyed by appointment, sequence and lead time. */
    public List<Notification> remindersOf(AppointmentCalendar calendar, Recipient recipient, Instant now) {
        List<Notification> planned = new ArrayList<>();
        for (Duration lead : reminders.leadTimes()) {
            Instant due = calendar.start().minus(lead);
            recipient.quietHours().reminderTime(due, calendar.start(), now, recipient.zone()).ifPresent(at -> {
                for (Channel channel : recipient.channels().stream().sorted().toList()) {
                    String key = NotificationKind.REMINDER + ":" + calendar.appointmentId() + ":" + calendar.sequence()
                            + ":" + lead + ":" + channel;
                    planned.add(new Notification(UUID.randomUUID(), key, recipient.patientId(),
                            NotificationKind.REMINDER, channel, at, calendar.details()));
                }
            });
        }
        return planned;
    }
}
