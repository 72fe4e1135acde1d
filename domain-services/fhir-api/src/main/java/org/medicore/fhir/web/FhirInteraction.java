package org.medicore.fhir.web;

import jakarta.servlet.http.HttpServletRequest;
import org.medicore.support.audit.Action;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request as the FHIR interaction it asks for, as the audit trail names it: {@code read},
 * {@code search-type}, {@code create}, {@code update}, {@code transaction} (FHIR's restful
 * interaction codes) or an operation by its name ({@code $everything}, {@code $export}), the
 * resource type and id from the path, and every patient the request names (the path's Patient,
 * {@code patient}, or a {@code Patient/} reference in {@code subject}, {@code entity}, {@code actor}).
 * It is read from the path, not from the handler, so a request the security chain refuses is
 * named as well.
 */
record FhirInteraction(String operation, Action action, String resourceType, List<String> resourceIds,
                       List<String> patientIds) {

    private static final List<String> PATIENT_REFERENCES = List.of("subject", "entity", "actor");
    private static final String PATIENT = "Patient/";

    static FhirInteraction of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + FhirPaths.BASE.length());
        List<String> segments = Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
        String method = request.getMethod();
        String type = segments.isEmpty() || segments.getFirst().startsWith("$") ? "" : segments.getFirst();
        String id = segments.size() > 1 && !segments.get(1).startsWith("$") ? segments.get(1) : "";
        String operation = operation(method, segments);
        boolean reads = method.equals("GET") || method.equals("HEAD") || (method.equals("POST") && operation.startsWith("$"));
        Set<String> patients = new LinkedHashSet<>();
        if (type.equals("Patient") && !id.isEmpty()) {
            patients.add(id);
        }
        String[] named = request.getParameterValues("patient");
        if (named != null) {
            Arrays.stream(named).map(patient -> patient.startsWith(PATIENT) ? patient.substring(PATIENT.length()) : patient)
                    .forEach(patients::add);
        }
        PATIENT_REFERENCES.stream().map(request::getParameterValues).filter(values -> values != null).flatMap(Arrays::stream)
                .filter(reference -> reference.startsWith(PATIENT)).map(reference -> reference.substring(PATIENT.length()))
                .forEach(patients::add);
        return new FhirInteraction(operation, reads ? Action.READ : Action.CHANGE, type.equals("bulk-export") ? "" : type,
                id.isEmpty() ? List.of() : List.of(id), new ArrayList<>(patients));
    }

    private static String operation(String method, List<String> segments) {
        String last = segments.isEmpty() ? "" : segments.getLast();
        if (last.startsWith("$")) {
            return last;
        }
        if (!segments.isEmpty() && segments.getFirst().equals("bulk-export")) {
            // the Bulk Data IG's status URL of a running or finished $export
            return method.equals("DELETE") ? "$export delete" : "$export status";
        }
        return switch (segments.size()) {
            case 0 -> method.equals("POST") ? "transaction" : "search-system";
            case 1 -> method.equals("POST") ? "create" : "search-type";
            case 2 -> switch (method) {
                case "PUT" -> "update";
                case "DELETE" -> "delete";
                case "PATCH" -> "patch";
                default -> "read";
            };
            default -> segments.size() == 4 && segments.get(2).equals("_history") ? "vread" : method + " " + String.join("/", segments);
        };
    }
}
