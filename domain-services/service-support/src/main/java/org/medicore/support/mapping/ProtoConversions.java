package org.medicore.support.mapping;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.mapstruct.Condition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * The conversions every proto mapper shares, picked by MapStruct by type through {@link ProtoMapping}:
 * instants as {@code google.protobuf.Timestamp}, days as {@code google.type.Date}, currencies as their
 * ISO 4217 code (so a service's {@code Money(amountMinor, currency)} maps field by field onto
 * {@code medicore.common.v1.Money}), UUIDs as their canonical text, and an empty {@link Optional} as an
 * unset field. Enums map by constant name; the protobuf SPI sends a null to the contract's
 * {@code *_UNSPECIFIED} constant and reads {@code *_UNSPECIFIED} and {@code UNRECOGNIZED} as null.
 */
public final class ProtoConversions {

    private ProtoConversions() {
    }

    /** Any instant, also outside the range proto3 JSON can print: the message holds what the domain holds. */
    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    public static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }

    /** A whole day only: google.type.Date's partial dates (year, month or day 0) are no LocalDate and are refused. */
    public static LocalDate localDate(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    public static String currencyCode(Currency currency) {
        return currency.getCurrencyCode();
    }

    public static Currency currency(String currencyCode) {
        return Currency.getInstance(currencyCode);
    }

    public static String id(UUID id) {
        return id.toString();
    }

    public static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** An optional domain value is set on the proto only when present. */
    @Condition
    public static boolean isPresent(Optional<?> value) {
        return value != null && value.isPresent();
    }

    public static <T> T present(Optional<T> value) {
        return value.orElseThrow();
    }
}
