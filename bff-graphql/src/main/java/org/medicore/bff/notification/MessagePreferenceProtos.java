package org.medicore.bff.notification;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.contracts.notification.v1.ChannelConsent;
import org.medicore.contracts.notification.v1.ConsentSource;
import org.medicore.contracts.notification.v1.MessagePreferences;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.QuietHours;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;

import java.util.List;
import java.util.Map;

/** The one mapping place between the message preferences' GraphQL shapes and notification-service's protos. */
final class MessagePreferenceProtos {

    private MessagePreferenceProtos() {
    }

    /** A patient's preferences as the schema shows them. */
    record Preferences(String patientId, List<String> channels, List<Consent> consents, QuietHours quietHours,
                       String timeZone) {
    }

    /** One channel's consent; changedAt and source null while never given. */
    record Consent(String channel, String state, Timestamp changedAt, String source) {
    }

    static Preferences preferences(MessagePreferences proto) {
        return new Preferences(proto.getPatientId(), proto.getChannelsList().stream().map(Enum::name).toList(),
                proto.getConsentsList().stream().map(MessagePreferenceProtos::consent).toList(), proto.getQuietHours(),
                proto.getTimeZone());
    }

    private static Consent consent(ChannelConsent proto) {
        return new Consent(proto.getChannel().name(), proto.getState().name().substring("CONSENT_".length()),
                proto.hasChangedAt() ? proto.getChangedAt() : null,
                proto.getSource() == ConsentSource.CONSENT_SOURCE_UNSPECIFIED ? null : proto.getSource().name());
    }

    /**
     * Only the parts sent (and not null) change: each becomes a path of the update mask. The schema's
     * enum and non-null types have already refused unknown channels and half a quiet-hours pair.
     */
    @SuppressWarnings("unchecked")
    static UpdateMessagePreferencesRequest update(Map<String, Object> input) {
        UpdateMessagePreferencesRequest.Builder request = UpdateMessagePreferencesRequest.newBuilder()
                .setPatientId((String) input.get("patientId"));
        FieldMask.Builder mask = FieldMask.newBuilder();
        if (input.get("channels") instanceof List<?> channels) {
            mask.addPaths("channels");
            ((List<String>) channels).forEach(channel -> request.addChannels(NotificationChannel.valueOf(channel)));
        }
        if (input.get("consentedChannels") instanceof List<?> consented) {
            mask.addPaths("consented_channels");
            ((List<String>) consented).forEach(channel -> request.addConsentedChannels(NotificationChannel.valueOf(channel)));
        }
        if (input.get("quietHours") instanceof Map<?, ?> quietHours) {
            mask.addPaths("quiet_hours");
            request.setQuietHours(QuietHours.newBuilder().setStart((String) quietHours.get("start"))
                    .setEnd((String) quietHours.get("end")));
        }
        if (mask.getPathsCount() == 0) {
            throw new InvalidArgument("input", "names no part to change: channels, consentedChannels or quietHours");
        }
        return request.setUpdateMask(mask).build();
    }
}
