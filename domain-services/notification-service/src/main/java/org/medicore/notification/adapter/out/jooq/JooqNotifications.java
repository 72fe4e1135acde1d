package org.medicore.notification.adapter.out.jooq;

import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.medicore.notification.adapter.out.jooq.generated.tables.records.NotificationRecord;
import org.medicore.notification.application.port.out.ClaimDueNotifications;
import org.medicore.notification.application.port.out.ScheduleNotifications;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ClaimedNotification;
import org.medicore.notification.domain.MaskedAddress;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Money;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.support.postgres.TimestampColumns.value;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;

/**
 * notification: every message and its fate. Inserts skip a known idempotency key; the delivery
 * round locks due rows with FOR UPDATE SKIP LOCKED, so instances never take the same message.
 */
final class JooqNotifications implements ScheduleNotifications, ClaimDueNotifications {

    private static final String PENDING = "PENDING";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DSLContext db;

    JooqNotifications(DSLContext db) {
        this.db = db;
    }

    @Override
    public int schedule(List<Notification> notifications, Instant at) {
        int added = 0;
        for (Notification notification : notifications) {
            added += withContent(db.insertInto(NOTIFICATION)
                    .set(NOTIFICATION.ID, notification.id())
                    .set(NOTIFICATION.IDEMPOTENCY_KEY, notification.idempotencyKey())
                    .set(NOTIFICATION.PATIENT_ID, notification.patientId())
                    .set(NOTIFICATION.KIND, notification.kind().name())
                    .set(NOTIFICATION.CHANNEL, notification.channel().name())
                    .set(NOTIFICATION.STATUS, PENDING)
                    .set(NOTIFICATION.DUE_AT, column(notification.dueAt()))
                    .set(NOTIFICATION.NEXT_ATTEMPT_AT, column(notification.dueAt()))
                    .set(NOTIFICATION.CREATED_AT, column(at)), notification.content())
                    .onConflict(NOTIFICATION.IDEMPOTENCY_KEY).doNothing()
                    .execute();
        }
        return added;
    }

    @Override
    public int withdrawPendingReminders(UUID appointmentId, Instant at) {
        return db.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, "WITHDRAWN")
                .set(NOTIFICATION.LAST_ERROR, "the appointment was moved or cancelled")
                .where(NOTIFICATION.APPOINTMENT_ID.eq(appointmentId))
                .and(NOTIFICATION.KIND.eq(NotificationKind.REMINDER.name()))
                .and(NOTIFICATION.STATUS.eq(PENDING))
                .execute();
    }

    @Override
    public int withdrawPending(UUID patientId, Channel channel, String reason, Instant at) {
        return db.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, "WITHDRAWN")
                .set(NOTIFICATION.LAST_ERROR, shortened(reason))
                .where(NOTIFICATION.PATIENT_ID.eq(patientId))
                .and(NOTIFICATION.CHANNEL.eq(channel.name()))
                .and(NOTIFICATION.STATUS.eq(PENDING))
                .execute();
    }

    @Override
    public List<ClaimedNotification> claimDue(Instant now, int limit) {
        return db.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.STATUS.eq(PENDING))
                .and(NOTIFICATION.NEXT_ATTEMPT_AT.le(column(now)))
                .orderBy(NOTIFICATION.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(row -> new ClaimedNotification(notification(row), row.getAttempts()));
    }

    @Override
    public void recordSent(UUID notificationId, MaskedAddress to, String providerMessageId, Instant at) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, "SENT")
                .set(NOTIFICATION.SENT_TO, to.shown())
                .set(NOTIFICATION.ATTEMPTS, NOTIFICATION.ATTEMPTS.plus(1))
                .set(NOTIFICATION.SENT_AT, column(at))
                .set(NOTIFICATION.PROVIDER_MESSAGE_ID, providerMessageId)
                .where(NOTIFICATION.ID.eq(notificationId))
                .execute();
    }

    @Override
    public void recordRetry(UUID notificationId, Optional<MaskedAddress> to, int attemptsMade, Instant nextAttempt,
                            String reason) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.SENT_TO, to.map(MaskedAddress::shown).orElse(null))
                .set(NOTIFICATION.ATTEMPTS, attemptsMade)
                .set(NOTIFICATION.NEXT_ATTEMPT_AT, column(nextAttempt))
                .set(NOTIFICATION.LAST_ERROR, shortened(reason))
                .where(NOTIFICATION.ID.eq(notificationId))
                .execute();
    }

    @Override
    public void recordFailure(UUID notificationId, Optional<MaskedAddress> to, int attemptsMade, String reason,
                              Instant at) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, "FAILED")
                .set(NOTIFICATION.SENT_TO, to.map(MaskedAddress::shown).orElse(null))
                .set(NOTIFICATION.ATTEMPTS, attemptsMade)
                .set(NOTIFICATION.LAST_ERROR, shortened(reason))
                .where(NOTIFICATION.ID.eq(notificationId))
                .execute();
    }

    @Override
    public void recordWithdrawn(UUID notificationId, String reason, Instant at) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, "WITHDRAWN")
                .set(NOTIFICATION.LAST_ERROR, shortened(reason))
                .where(NOTIFICATION.ID.eq(notificationId))
                .execute();
    }

    @Override
    public void recordPostponed(UUID notificationId, Instant dueAgain) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.NEXT_ATTEMPT_AT, column(dueAgain))
                .where(NOTIFICATION.ID.eq(notificationId))
                .execute();
    }

    private static InsertSetMoreStep<NotificationRecord> withContent(InsertSetMoreStep<NotificationRecord> insert,
                                                                    MessageContent content) {
        return switch (content) {
            case MessageContent.AppointmentDetails appointment -> insert
                    .set(NOTIFICATION.APPOINTMENT_ID, appointment.appointmentId())
                    .set(NOTIFICATION.APPOINTMENT_START, column(appointment.start()))
                    .set(NOTIFICATION.APPOINTMENT_END, column(appointment.end()))
                    .set(NOTIFICATION.PRACTITIONER_ZONE, appointment.practitionerZone().getId())
                    .set(NOTIFICATION.CALENDAR_SEQUENCE, appointment.sequence());
            case MessageContent.ResultsReady results -> insert.set(NOTIFICATION.REPORT_ID, results.reportId());
            case MessageContent.InvoiceDetails invoice -> insert
                    .set(NOTIFICATION.INVOICE_NUMBER, invoice.invoiceNumber())
                    .set(NOTIFICATION.AMOUNT_MINOR, invoice.total().amountMinor())
                    .set(NOTIFICATION.CURRENCY, invoice.total().currency().getCurrencyCode())
                    .set(NOTIFICATION.PAYMENT_DUE, invoice.paymentDue());
        };
    }

    static Notification notification(NotificationRecord row) {
        NotificationKind kind = NotificationKind.valueOf(row.getKind());
        return new Notification(row.getId(), row.getIdempotencyKey(), row.getPatientId(), kind,
                Channel.valueOf(row.getChannel()), value(row.getDueAt()), content(kind, row));
    }

    static MessageContent content(NotificationKind kind, NotificationRecord row) {
        return switch (kind) {
            case BOOKING_CONFIRMED, APPOINTMENT_MOVED, APPOINTMENT_CANCELLED, REMINDER ->
                    new MessageContent.AppointmentDetails(row.getAppointmentId(), value(row.getAppointmentStart()),
                            value(row.getAppointmentEnd()), ZoneId.of(row.getPractitionerZone()),
                            row.getCalendarSequence());
            case RESULTS_READY -> new MessageContent.ResultsReady(row.getReportId());
            case INVOICE_ISSUED -> new MessageContent.InvoiceDetails(row.getInvoiceNumber(),
                    Money.of(row.getAmountMinor(), row.getCurrency()), row.getPaymentDue());
        };
    }

    private static String shortened(String reason) {
        return reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }
}
