package org.medicore.notification.adapter.in.grpc;

import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.QuietHours;
import org.medicore.support.grpc.GrpcErrors;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Proto to domain for one request, collecting a violation per malformed field (path as in the
 * request) instead of failing on the first; the endpoint answers INVALID_ARGUMENT when any.
 * Paging as the other services page: size 20 by default, capped at 100, the token an opaque offset.
 */
final class RequestReader {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    private static final Pattern HOUR_AND_MINUTE = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final List<GrpcErrors.Violation> violations = new ArrayList<>();

    List<GrpcErrors.Violation> violations() {
        return List.copyOf(violations);
    }

    boolean isValid() {
        return violations.isEmpty();
    }

    UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            violations.add(new GrpcErrors.Violation(field, "must be a UUID"));
            return null;
        }
    }

    int pageSize(int requested) {
        if (requested < 0) {
            violations.add(new GrpcErrors.Violation("page.page_size", "must not be negative"));
        }
        return requested <= 0 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
    }

    int pageOffset(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (offset >= 0) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // reported below: a token this service did not hand out
        }
        violations.add(new GrpcErrors.Violation("page.page_token", "is not a token of this service"));
        return 0;
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
                violations.add(new GrpcErrors.Violation(field, "names no channel: EMAIL or SMS"));
                return channels;
            }
            if (!channels.add(known)) {
                violations.add(new GrpcErrors.Violation(field, "names " + known + " twice"));
                return channels;
            }
        }
        return channels;
    }

    QuietHours quietHours(org.medicore.contracts.notification.v1.QuietHours requested) {
        LocalTime start = hourAndMinute(requested.getStart(), "quiet_hours.start");
        LocalTime end = hourAndMinute(requested.getEnd(), "quiet_hours.end");
        return start == null || end == null ? null : new QuietHours(start, end);
    }

    private LocalTime hourAndMinute(String value, String field) {
        if (!HOUR_AND_MINUTE.matcher(value).matches()) {
            violations.add(new GrpcErrors.Violation(field, "must be a time of day as HH:MM, 00:00 to 23:59"));
            return null;
        }
        return LocalTime.parse(value);
    }

    /** The paths named, each one of {@code known}; at least one. */
    Set<String> mask(List<String> paths, Set<String> known) {
        if (paths.isEmpty()) {
            violations.add(new GrpcErrors.Violation("update_mask", "must name at least one of " + known));
        }
        for (String path : paths) {
            if (!known.contains(path)) {
                violations.add(new GrpcErrors.Violation("update_mask", "names no part that can be changed: one of "
                        + known));
                return Set.of();
            }
        }
        return Set.copyOf(paths);
    }

    static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
    }
}
