package org.medicore.notification.adapter.out.jooq;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.medicore.notification.adapter.out.jooq.generated.tables.records.NotificationRecord;
import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.application.port.out.LoadSentMessages;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.DeliveryStatus;
import org.medicore.notification.domain.MaskedAddress;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.SentMessage;
import org.medicore.support.postgres.TimestampColumns;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.support.postgres.TimestampColumns.value;

/** notification read as the record of what was sent: by patient, newest planned first (index notification_patient). */
final class JooqSentMessages implements LoadSentMessages {

    private final DSLContext db;

    JooqSentMessages(DSLContext db) {
        this.db = db;
    }

    @Override
    public ListSentMessages.Page load(UUID patientId, Set<NotificationKind> kinds, int offset, int limit) {
        Condition ofPatient = NOTIFICATION.PATIENT_ID.eq(patientId)
                .and(NOTIFICATION.KIND.in(kinds.stream().map(Enum::name).toList()));
        var messages = db.selectFrom(NOTIFICATION)
                .where(ofPatient)
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(JooqSentMessages::sentMessage);
        long total = db.fetchCount(NOTIFICATION, ofPatient);
        return new ListSentMessages.Page(messages, total);
    }

    /** A sent message keeps the error of an earlier attempt in its row; it no longer says anything about it. */
    private static Optional<String> reason(DeliveryStatus status, String lastError) {
        return status == DeliveryStatus.SENT ? Optional.empty() : Optional.ofNullable(lastError);
    }

    private static SentMessage sentMessage(NotificationRecord row) {
        NotificationKind kind = NotificationKind.valueOf(row.getKind());
        DeliveryStatus status = DeliveryStatus.valueOf(row.getStatus());
        return new SentMessage(row.getId(), row.getPatientId(), kind, Channel.valueOf(row.getChannel()),
                Optional.ofNullable(row.getSentTo()).map(MaskedAddress::new), status,
                value(row.getCreatedAt()), value(row.getDueAt()),
                Optional.ofNullable(row.getSentAt()).map(TimestampColumns::value), row.getAttempts(),
                reason(status, row.getLastError()), JooqNotifications.content(kind, row));
    }
}
