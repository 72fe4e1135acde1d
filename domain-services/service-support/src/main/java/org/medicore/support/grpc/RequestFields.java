package org.medicore.support.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import org.medicore.support.port.FieldViolation;
import org.medicore.support.port.Uuids;
import org.medicore.support.port.paging.PageTokens;
import org.medicore.support.port.paging.Paging;
import org.medicore.support.validation.ProtoRules;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads the fields every service reads alike (ids, batches of ids, required text, timestamps,
 * times of day, the page asked for, a batch call's limit per patient) from one request,
 * collecting a violation per malformed field, by its path in the request, instead of failing on
 * the first; the endpoint answers {@link GrpcErrors#invalid} when there are any. It starts with the
 * rules the request's contract writes ({@link ProtoRules}), so one answer names the fields those
 * refuse and the fields the reading refuses. A service's own reader extends this with the values
 * only it knows (currencies, channels, working hours).
 */
public class RequestFields {

    public static final int MAX_BATCH_IDS = 100;

    public static final int DEFAULT_LIMIT_PER_PATIENT = 10;
    public static final int MAX_LIMIT_PER_PATIENT = 50;

    public static final String INVALID_TIMESTAMP = "must be a valid timestamp between the years 1 and 9999";

    private static final Pattern HOUR_AND_MINUTE = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final List<FieldViolation> violations = new ArrayList<>();

    /** A reader of {@code request}, holding already what its contract's rules refuse. */
    protected RequestFields(Message request) {
        violations.addAll(ProtoRules.violations(request));
    }

    public final List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    public final boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * Notes that {@code field} is malformed, saying how; a field already refused (by the contract,
     * whose rule says it first) is named once.
     */
    public final void refuse(String field, String description) {
        if (violations.stream().noneMatch(violation -> violation.field().equals(field))) {
            violations.add(new FieldViolation(field, description));
        }
    }

    /** The id {@code value} writes, in the canonical form only ({@link Uuids}). */
    public final UUID uuid(String value, String field) {
        Optional<UUID> id = Uuids.parse(value);
        if (id.isEmpty()) {
            refuse(field, "must be a UUID");
        }
        return id.orElse(null);
    }

    /**
     * An id whose contract requires a UUID ({@code string.uuid}), read without checking it again:
     * null when it is not one, which the contract's rule has named.
     */
    public final UUID ruledUuid(String value) {
        return Uuids.parse(value).orElse(null);
    }

    /** Ids whose contract requires UUIDs and bounds their number, each read as {@link #ruledUuid}. */
    public final List<UUID> ruledUuids(List<String> values) {
        return values.stream().map(this::ruledUuid).toList();
    }

    /** At most {@value #MAX_BATCH_IDS} ids, each a UUID; a malformed one is named with its index. */
    public final List<UUID> uuids(List<String> values, String field) {
        return batch(values, field, this::uuid);
    }

    /**
     * At most {@value #MAX_BATCH_IDS} ids, each read by {@code id} (value, path) under its path with
     * its index ({@code patient_ids[3]}); a refused one reads as null, too many as none.
     */
    public final <T> List<T> batch(List<String> values, String field, BiFunction<String, String, T> id) {
        if (values.size() > MAX_BATCH_IDS) {
            refuse(field, "at most " + MAX_BATCH_IDS + " ids per call");
            return List.of();
        }
        List<T> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ids.add(id.apply(values.get(i), "%s[%d]".formatted(field, i)));
        }
        return ids;
    }

    /**
     * How many items per patient a batch call for the BFF's data loaders answers: {@value #DEFAULT_LIMIT_PER_PATIENT}
     * when unset (0), else 1 to {@value #MAX_LIMIT_PER_PATIENT}, as the contracts promise.
     */
    public final int limitPerPatient(int requested) {
        if (requested == 0) {
            return DEFAULT_LIMIT_PER_PATIENT;
        }
        if (requested < 1 || requested > MAX_LIMIT_PER_PATIENT) {
            refuse("limit_per_patient", "must be between 1 and " + MAX_LIMIT_PER_PATIENT);
        }
        return requested;
    }

    /** A wall-clock time of day written HH:MM, 00:00 to 23:59; null when refused. */
    public final LocalTime timeOfDay(String value, String field) {
        if (!HOUR_AND_MINUTE.matcher(value).matches()) {
            refuse(field, "must be a time of day as HH:MM, 00:00 to 23:59");
            return null;
        }
        return LocalTime.parse(value);
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

    /**
     * The number of items a page holds, as {@link Paging#size} says; a negative size is refused by
     * the shared {@code PageRequest}'s contract ({@code page.page_size}).
     */
    public final int pageSize(int requested) {
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
