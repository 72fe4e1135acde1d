package org.medicore.fhir.resource;

import com.google.protobuf.Timestamp;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/** How the services' values read in FHIR: instants in UTC, calendar days as dates, references by type and id. */
final class FhirValues {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirValues() {
    }

    static Optional<DateTimeType> dateTime(boolean present, Timestamp timestamp) {
        if (!present) {
            return Optional.empty();
        }
        DateTimeType value = new DateTimeType(Date.from(instant(timestamp)));
        value.setTimeZone(UTC);
        return Optional.of(value);
    }

    static Optional<InstantType> instant(boolean present, Timestamp timestamp) {
        if (!present) {
            return Optional.empty();
        }
        InstantType value = new InstantType(Date.from(instant(timestamp)));
        value.setTimeZone(UTC);
        return Optional.of(value);
    }

    /** A full date; the services store dates of birth and days as year, month and day. */
    static Optional<DateType> date(boolean present, com.google.type.Date date) {
        return partialDate(present, date).map(DateType::new);
    }

    /** A date as far as it is known: {@code 2019}, {@code 2019-04} or {@code 2019-04-12} (day or month 0 when unknown). */
    static Optional<String> partialDate(boolean present, com.google.type.Date date) {
        if (!present || date.getYear() == 0) {
            return Optional.empty();
        }
        if (date.getMonth() == 0) {
            return Optional.of("%04d".formatted(date.getYear()));
        }
        if (date.getDay() == 0) {
            return Optional.of("%04d-%02d".formatted(date.getYear(), date.getMonth()));
        }
        return Optional.of("%04d-%02d-%02d".formatted(date.getYear(), date.getMonth(), date.getDay()));
    }

    /** A record's version and, when known, when it last changed. */
    static Meta meta(long version, boolean updated, Timestamp updatedAt) {
        Meta meta = new Meta().setVersionId(Long.toString(version));
        instant(updated, updatedAt).ifPresent(meta::setLastUpdatedElement);
        return meta;
    }

    static Reference reference(String type, String id) {
        return new Reference(type + "/" + id);
    }

    /** A concept with its coding only when both code and system are known: a code without a system means nothing. */
    static CodeableConcept concept(String system, String code, String text) {
        CodeableConcept concept = new CodeableConcept();
        if (!system.isBlank() && !code.isBlank()) {
            concept.addCoding(new Coding().setSystem(system).setCode(code));
        }
        if (!text.isBlank()) {
            concept.setText(text);
        }
        return concept;
    }

    static CodeableConcept coded(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    /** A FHIR date as far as it is known ({@code 2019}, {@code 2019-04}, {@code 2019-04-12}, or a dateTime's day) with 0 for what is not. */
    static com.google.type.Date protoDate(String fhirDate) {
        String[] parts = fhirDate.substring(0, Math.min(10, fhirDate.length())).split("-");
        com.google.type.Date.Builder date = com.google.type.Date.newBuilder().setYear(Integer.parseInt(parts[0]));
        if (parts.length > 1) {
            date.setMonth(Integer.parseInt(parts[1]));
        }
        if (parts.length > 2) {
            date.setDay(Integer.parseInt(parts[2]));
        }
        return date.build();
    }

    static Timestamp timestamp(Date date) {
        Instant instant = date.toInstant();
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
