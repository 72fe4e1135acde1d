package org.medicore.notification.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import org.medicore.contracts.notification.v1.ChannelConsent;
import org.medicore.contracts.notification.v1.ConsentSource;
import org.medicore.contracts.notification.v1.ConsentState;
import org.medicore.contracts.notification.v1.MessagePreferences;
import org.medicore.contracts.notification.v1.Notification;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationKind;
import org.medicore.contracts.notification.v1.NotificationStatus;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.MaskedAddress;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Recipient;
import org.medicore.notification.domain.SentMessage;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Domain to proto for the record of sent messages (ids of what a message concerns, never its content)
 * and for a patient's message preferences (never their addresses, which are patient-service's).
 */
final class NotificationProtoMapper {

    private NotificationProtoMapper() {
    }

    static Notification notification(SentMessage message) {
        Notification.Builder proto = Notification.newBuilder()
                .setId(message.id().toString())
                .setPatientId(message.patientId().toString())
                .setKind(NotificationKind.valueOf(message.kind().name()))
                .setChannel(NotificationChannel.valueOf(message.channel().name()))
                .setRecipient(message.recipient().map(MaskedAddress::shown).orElse(""))
                .setStatus(NotificationStatus.valueOf(message.status().name()))
                .setCreatedAt(timestamp(message.createdAt()))
                .setDueAt(timestamp(message.dueAt()))
                .setAttempts(message.attempts())
                .setReason(message.reason().orElse(""));
        message.sentAt().ifPresent(sentAt -> proto.setSentAt(timestamp(sentAt)));
        switch (message.concerns()) {
            case MessageContent.AppointmentDetails appointment ->
                    proto.setAppointmentId(appointment.appointmentId().toString());
            case MessageContent.ResultsReady results -> proto.setReportId(results.reportId().toString());
            case MessageContent.InvoiceDetails invoice -> proto.setInvoiceNumber(invoice.invoiceNumber());
        }
        return proto.build();
    }

    static MessagePreferences preferences(Recipient recipient) {
        DateTimeFormatter hourAndMinute = DateTimeFormatter.ofPattern("HH:mm");
        MessagePreferences.Builder proto = MessagePreferences.newBuilder()
                .setPatientId(recipient.patientId().toString())
                .setQuietHours(org.medicore.contracts.notification.v1.QuietHours.newBuilder()
                        .setStart(hourAndMinute.format(recipient.quietHours().start()))
                        .setEnd(hourAndMinute.format(recipient.quietHours().end())))
                .setTimeZone(recipient.zone().getId());
        recipient.channels().stream().sorted().forEach(channel -> proto.addChannels(NotificationChannel.valueOf(channel.name())));
        for (Channel channel : Channel.values()) {
            org.medicore.notification.domain.ChannelConsent consent = recipient.consentOn(channel);
            ChannelConsent.Builder entry = ChannelConsent.newBuilder()
                    .setChannel(NotificationChannel.valueOf(channel.name()))
                    .setState(ConsentState.valueOf("CONSENT_" + consent.state().name()));
            consent.changedAt().ifPresent(at -> entry.setChangedAt(timestamp(at)));
            consent.source().ifPresent(source -> entry.setSource(ConsentSource.valueOf(source.name())));
            proto.addConsents(entry);
        }
        return proto.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
