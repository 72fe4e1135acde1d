package org.medicore.patient.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Collects the field violations of one input, so the caller learns about all of them at once. */
public final class Violations {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String description) {
        found.add(new FieldViolation(field, description));
        return this;
    }

    public Violations required(String field, String value) {
        if (isBlank(value)) {
            add(field, "is required");
        }
        return this;
    }

    public Violations maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return this;
    }

    public Violations email(String field, String value) {
        if (!isBlank(value) && !EMAIL.matcher(value).matches()) {
            add(field, "must be an e-mail address such as name@example.org");
        }
        return this;
    }

    public Violations phone(String field, String value) {
        if (!isBlank(value) && !E164.matcher(value).matches()) {
            add(field, "must be a phone number in E.164 form such as +4930123456");
        }
        return this;
    }

    public Violations countryCode(String field, String value) {
        if (!isBlank(value) && !COUNTRY.matcher(value).matches()) {
            add(field, "must be an ISO 3166-1 alpha-2 code such as DE");
        }
        return this;
    }

    public Violations uuid(String field, String value) {
        if (isBlank(value)) {
            add(field, "is required");
        } else if (!isUuid(value)) {
            add(field, "must be a UUID");
        }
        return this;
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidFieldsException(found);
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
