package org.medicore.notification.adapter.in.grpc;

import com.google.protobuf.Message;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.QuietHours;
import org.medicore.support.grpc.RequestFields;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Proto to domain for one notification request: the shared fields as every service reads them,
 * plus channels, quiet hours and update masks, each malformed one collected as a violation.
 */
final class RequestReader extends RequestFields {

    RequestReader(Message request) {
        super(request);
    }

    /** A set of channels: each named once, none unspecified or unknown to this version. */
    Set<Channel> channels(List<NotificationChannel> requested, String field) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (NotificationChannel channel : requested) {
            Channel known = switch (channel) {
                case EMAIL -> Channel.EMAIL;
                case SMS -> Channel.SMS;
                case NOTIFICATION_CHANNEL_UNSPECIFIED, UNRECOGNIZED -> null;
            };
            if (known == null) {
                refuse(field, "names no channel: EMAIL or SMS");
                return channels;
            }
            if (!channels.add(known)) {
                refuse(field, "names " + known + " twice");
                return channels;
            }
        }
        return channels;
    }

    QuietHours quietHours(org.medicore.contracts.notification.v1.QuietHours requested) {
        LocalTime start = timeOfDay(requested.getStart(), "quiet_hours.start");
        LocalTime end = timeOfDay(requested.getEnd(), "quiet_hours.end");
        return start == null || end == null ? null : new QuietHours(start, end);
    }

    /** The paths named, each one of {@code known}; at least one. */
    Set<String> mask(List<String> paths, Set<String> known) {
        if (paths.isEmpty()) {
            refuse("update_mask", "must name at least one of " + known);
        }
        for (String path : paths) {
            if (!known.contains(path)) {
                refuse("update_mask", "names no part that can be changed: one of " + known);
                return Set.of();
            }
        }
        return Set.copyOf(paths);
    }
}
