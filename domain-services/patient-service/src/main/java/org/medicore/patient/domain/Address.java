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

    public Address withLines(List<String> newLines) {
        return new Address(newLines, postalCode, city, region, countryCode);
    }

    public Address withPostalCode(String newPostalCode) {
        return new Address(lines, newPostalCode, city, region, countryCode);
    }

    public Address withCity(String newCity) {
        return new Address(lines, postalCode, newCity, region, countryCode);
    }

    public Address withRegion(String newRegion) {
        return new Address(lines, postalCode, city, newRegion, countryCode);
    }

    public Address withCountryCode(String newCountryCode) {
        return new Address(lines, postalCode, city, region, newCountryCode);
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
