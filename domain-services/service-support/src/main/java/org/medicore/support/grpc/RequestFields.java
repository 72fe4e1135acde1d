package org.medicore.support.grpc;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import org.medicore.support.port.Uuids;
import org.medicore.support.port.paging.PageTokens;
import org.medicore.support.port.paging.Paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Reads the fields every service reads alike (ids, batches of ids, required text, timestamps,
 * the page asked for) from one request, collecting a violation per malformed field, by its path
 * in the request, instead of failing on the first; the endpoint answers {@link GrpcErrors#invalid}
 * when there are any. A service's own reader extends this with the values only it knows
 * (currencies, channels, quiet hours).
 */
public class RequestFields {

    public static final int MAX_BATCH_IDS = 100;

    public static final String INVALID_TIMESTAMP = "must be a valid timestamp between the years 1 and 9999";

    private final List<GrpcErrors.Violation> violations = new ArrayList<>();

    public final List<GrpcErrors.Violation> violations() {
        return List.copyOf(violations);
    }

    public final boolean isValid() {
        return violations.isEmpty();
    }

    /** Notes that {@code field} is malformed, saying how. */
    public final void refuse(String field, String description) {
        violations.add(new GrpcErrors.Violation(field, description));
    }

    /** The id {@code value} writes, in the canonical form only ({@link Uuids}). */
    public final UUID uuid(String value, String field) {
        Optional<UUID> id = Uuids.parse(value);
        if (id.isEmpty()) {
            refuse(field, "must be a UUID");
        }
        return id.orElse(null);
    }

    /** At most {@value #MAX_BATCH_IDS} ids, each a UUID; a malformed one is named with its index. */
    public final List<UUID> uuids(List<String> values, String field) {
        if (values.size() > MAX_BATCH_IDS) {
            refuse(field, "at most " + MAX_BATCH_IDS + " ids per call");
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ids.add(uuid(values.get(i), "%s[%d]".formatted(field, i)));
        }
        return ids;
    }

    public final String required(String value, String field) {
        if (value.isBlank()) {
            refuse(field, "is required");
        }
        return value;
    }

    /** A point in time within what a timestamp may hold (the years 1 to 9999); empty when absent or refused. */
    public final Optional<Instant> instant(boolean present, Timestamp timestamp, String field) {
        if (!present) {
            return Optional.empty();
        }
        Optional<Instant> instant = instantOf(timestamp);
        if (instant.isEmpty()) {
            refuse(field, INVALID_TIMESTAMP);
        }
        return instant;
    }

    /** The point in time {@code timestamp} holds; empty outside what a timestamp may hold (the years 1 to 9999). */
    public static Optional<Instant> instantOf(Timestamp timestamp) {
        return Timestamps.isValid(timestamp)
                ? Optional.of(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos())) : Optional.empty();
    }

    /** The number of items a page holds, as {@link Paging#size} says; a negative size is refused. */
    public final int pageSize(int requested) {
        if (!Paging.isAllowedSize(requested)) {
            refuse(Paging.SIZE_FIELD, Paging.NEGATIVE_SIZE);
        }
        return Paging.size(requested);
    }

    /** The offset an offset page token continues at: 0 for none, refused when it is not a token of {@link PageTokens#ofOffset}. */
    public final int pageOffset(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        OptionalInt offset = PageTokens.offset(token);
        if (offset.isEmpty()) {
            refuse(Paging.TOKEN_FIELD, Paging.FOREIGN_TOKEN);
            return 0;
        }
        return offset.getAsInt();
    }
}
