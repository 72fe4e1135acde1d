package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.Notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Messages waiting to be sent. */
public interface ScheduleNotifications {

    /** Adds those whose idempotency key is new; returns how many were added. */
    int schedule(List<Notification> notifications, Instant at);

    /** Withdraws the appointment's reminders not sent yet (moved or cancelled); returns how many. */
    int withdrawPendingReminders(UUID appointmentId, Instant at);

    /** Withdraws every message of the patient on the channel not sent yet, with the reason; returns how many. */
    int withdrawPending(UUID patientId, Channel channel, String reason, Instant at);
}
