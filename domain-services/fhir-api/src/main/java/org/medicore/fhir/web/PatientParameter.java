package org.medicore.fhir.web;

import java.util.Map;
import java.util.regex.Pattern;

/** The patient a search is about, as {@code patient=<id>}, {@code patient=Patient/<id>} or {@code subject=Patient/<id>}. */
final class PatientParameter {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private PatientParameter() {
    }

    static String required(Map<String, String> parameters) {
        String given = parameters.containsKey("patient") ? parameters.get("patient") : parameters.get("subject");
        String name = parameters.containsKey("patient") ? "patient" : "subject";
        if (given == null || given.isBlank()) {
            throw new InvalidSearch("patient", "the search needs the patient: patient=<id>");
        }
        String id = given.startsWith("Patient/") ? given.substring("Patient/".length()) : given;
        if (!ID.matcher(id).matches()) {
            throw new InvalidSearch(name, "a patient is given by its id, e.g. patient=Patient/<id>");
        }
        return id;
    }

    /** The id of a resource of {@code type} the search parameter {@code name} refers to: {@code <id>} or {@code <type>/<id>}. */
    static String reference(Map<String, String> parameters, String name, String type) {
        String given = parameters.get(name);
        String id = given == null ? "" : given.startsWith(type + "/") ? given.substring(type.length() + 1) : given;
        if (!ID.matcher(id).matches()) {
            throw new InvalidSearch(name, "the search needs the " + type + " by its id: " + name + "=" + type + "/<id>");
        }
        return id;
    }
}
