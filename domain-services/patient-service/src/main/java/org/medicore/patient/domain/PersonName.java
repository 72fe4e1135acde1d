package org.medicore.patient.domain;

public record PersonName(String given, String family) {

    /** Longer than any name a person carries; searches refuse longer prefixes too, since none could match. */
    public static final int MAX_LENGTH = 200;

    public PersonName {
        given = given == null ? "" : given.strip();
        family = family == null ? "" : family.strip();
    }

    void check(String path, Violations violations) {
        violations.required(path + ".given", given).maxLength(path + ".given", given, MAX_LENGTH)
                .required(path + ".family", family).maxLength(path + ".family", family, MAX_LENGTH);
    }
}
