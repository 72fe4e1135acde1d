package org.medicore.lab.domain;

public record LoincCode(String value) {

    public static final String SYSTEM = "http://loinc.org";
}
