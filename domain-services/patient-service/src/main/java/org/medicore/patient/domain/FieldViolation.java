package org.medicore.patient.domain;

/** One invalid field of a request, named by its path as the caller wrote it ({@code name.family}). */
public record FieldViolation(String field, String description) {
}
