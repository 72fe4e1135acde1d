package org.medicore.patient.domain;

public record PersonName(String given, String family) {

    public PersonName {
        given = given == null ? "" : given.strip();
        family = family == null ? "" : family.strip();
    }

    void check(String path, Violations violations) {
        violations.required(path + ".given", given).maxLength(path + ".given", given, 200)
                .required(path + ".family", family).maxLength(path + ".family", family, 200);
    }
}
