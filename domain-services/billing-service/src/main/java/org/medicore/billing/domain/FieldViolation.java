package org.medicore.billing.domain;

/** A malformed part of a request; field is the path as the caller wrote it (fees[0].fee). */
public record FieldViolation(String field, String description) {
}
