package org.medicore.billing.domain;

/**
 * A malformed part of a request; field is the path as the caller wrote it (fees[0].fee). The fee
 * schedule decides these itself, and the domain depends on nothing outside it, so it keeps its own
 * value; the application hands them on as the shared {@code FieldViolation}.
 */
public record FieldViolation(String field, String description) {
}
