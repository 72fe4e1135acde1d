package org.medicore.notification.adapter.in.grpc;

import org.mapstruct.AfterMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ValueMapping;
import org.mapstruct.factory.Mappers;
import org.medicore.contracts.notification.v1.ConsentState;
import org.medicore.contracts.notification.v1.MessagePreferences;
import org.medicore.contracts.notification.v1.Notification;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.MaskedAddress;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.QuietHours;
import org.medicore.notification.domain.Recipient;
import org.medicore.notification.domain.SentMessage;
import org.medicore.support.mapping.ProtoMapping;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Domain to proto for the record of sent messages (ids of what a message concerns, never its content)
 * and for a patient's message preferences (never their addresses, which are patient-service's).
 */
@Mapper(config = ProtoMapping.class)
interface NotificationProtoMapper {

    NotificationProtoMapper PROTOS = Mappers.getMapper(NotificationProtoMapper.class);

    DateTimeFormatter HOUR_AND_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    @Mapping(target = "appointmentId", ignore = true)
    @Mapping(target = "reportId", ignore = true)
    @Mapping(target = "invoiceNumber", ignore = true)
    Notification notification(SentMessage message);

    /** Only the id of what a message concerns: its content stays in the message. */
    @AfterMapping
    default void whatItConcerns(SentMessage message, @MappingTarget Notification.Builder proto) {
        switch (message.concerns()) {
            case MessageContent.AppointmentDetails appointment ->
                    proto.setAppointmentId(appointment.appointmentId().toString());
            case MessageContent.ResultsReady results -> proto.setReportId(results.reportId().toString());
            case MessageContent.InvoiceDetails invoice -> proto.setInvoiceNumber(invoice.invoiceNumber());
        }
    }

    /** The address as the domain masked it; the full one is never in a response. */
    default String masked(MaskedAddress address) {
        return address.shown();
    }

    @Mapping(target = "timeZone", source = "zone")
    @Mapping(target = "channels", ignore = true)
    @Mapping(target = "consents", ignore = true)
    MessagePreferences preferences(Recipient recipient);

    /** The chosen channels in a stable order, and the consent on every channel, also those never given. */
    @AfterMapping
    default void channelsAndConsents(Recipient recipient, @MappingTarget MessagePreferences.Builder proto) {
        recipient.channels().stream().sorted().forEach(channel -> proto.addChannels(channel(channel)));
        for (Channel channel : Channel.values()) {
            proto.addConsents(consent(recipient.consentOn(channel)));
        }
    }

    org.medicore.contracts.notification.v1.NotificationChannel channel(Channel channel);

    org.medicore.contracts.notification.v1.ChannelConsent consent(ChannelConsent consent);

    org.medicore.contracts.notification.v1.ConsentSource source(ChannelConsent.Source source);

    @ValueMapping(source = "NOT_GIVEN", target = "CONSENT_NOT_GIVEN")
    @ValueMapping(source = "GIVEN", target = "CONSENT_GIVEN")
    @ValueMapping(source = "WITHDRAWN", target = "CONSENT_WITHDRAWN")
    ConsentState state(ChannelConsent.State state);

    org.medicore.contracts.notification.v1.QuietHours quietHours(QuietHours hours);

    default String hourAndMinute(LocalTime time) {
        return HOUR_AND_MINUTE.format(time);
    }

    default String zoneId(ZoneId zone) {
        return zone.getId();
    }
}
