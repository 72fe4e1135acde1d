package org.medicore.bff.graphql;

import com.google.protobuf.Timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The conversions between schema values and the services' protobuf values that every feature
 * needs; proto3 has no null, so "unset" becomes null here once.
 */
public final class ProtoValues {

    private ProtoValues() {
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Null for an unset timestamp (proto3 gives the epoch). */
    public static Timestamp orNull(Timestamp timestamp) {
        return timestamp.getSeconds() == 0 && timestamp.getNanos() == 0 ? null : timestamp;
    }

    public static com.google.type.Date date(LocalDate day) {
        return com.google.type.Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue())
                .setDay(day.getDayOfMonth()).build();
    }

    /** Null for an unset date. */
    public static com.google.type.Date orNull(com.google.type.Date date) {
        return date.getYear() == 0 ? null : date;
    }

    /** Null for proto3's empty string. */
    public static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Null for an enum value the schema doesn't have ({@code *_UNSPECIFIED}, {@code UNRECOGNIZED}). */
    public static String orNull(Enum<?> value) {
        String name = value.name();
        return name.endsWith("_UNSPECIFIED") || name.equals("UNRECOGNIZED") ? null : name;
    }

    /** An idempotency key the portal gave, or a fresh one. */
    public static String idempotencyKey(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }
}
