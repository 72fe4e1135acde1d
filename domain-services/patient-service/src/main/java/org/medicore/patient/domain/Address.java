package org.medicore.patient.domain;

import java.util.List;

public record Address(List<String> lines, String postalCode, String city, String region, String countryCode) {

    public Address {
        lines = lines == null ? List.of() : List.copyOf(lines);
        postalCode = postalCode == null ? "" : postalCode.strip();
        city = city == null ? "" : city.strip();
        region = region == null ? "" : region.strip();
        countryCode = countryCode == null ? "" : countryCode.strip();
    }

    void check(String path, Violations violations) {
        if (lines.isEmpty() || lines.stream().allMatch(Violations::isBlank)) {
            violations.add(path + ".lines", "at least one street line is required");
        }
        violations.required(path + ".city", city)
                .required(path + ".country_code", countryCode)
                .countryCode(path + ".country_code", countryCode);
    }
}
