package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Parameters;
import org.medicore.fhir.export.ExportRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Bulk Data kick-off's parameters, from the query of a GET or the Parameters resource of a POST:
 * {@code _outputFormat} (NDJSON only), {@code _type} (of the scope's types), {@code _since} (an
 * instant with its zone) and, for the patients' export, {@code patient} (each a reference). Any
 * other parameter ({@code _elements}, {@code _typeFilter}...) is refused rather than ignored.
 */
final class ExportParameters {

    static final Set<String> NAMES = Set.of("_outputFormat", "_type", "_since", "patient");
    private static final Set<String> NDJSON = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");
    private static final int MOST_PATIENTS = 1000;

    private ExportParameters() {
    }

    static ExportRequest fromQuery(ExportRequest.Scope scope, Map<String, String[]> query, String requestUrl) {
        List<Map.Entry<String, String>> given = new ArrayList<>();
        query.forEach((name, values) -> Arrays.stream(values).forEach(value -> given.add(Map.entry(name, value))));
        return request(scope, given, requestUrl);
    }

    static ExportRequest fromBody(ExportRequest.Scope scope, Parameters body, String requestUrl) {
        List<Map.Entry<String, String>> given = new ArrayList<>();
        body.getParameter().forEach(parameter -> given.add(Map.entry(parameter.getName(),
                parameter.getValue() == null ? "" : parameter.getValue().isPrimitive() ? parameter.getValue().primitiveValue()
                        : parameter.getValue() instanceof org.hl7.fhir.r4.model.Reference reference ? reference.getReference() : "")));
        return request(scope, given, requestUrl);
    }

    private static ExportRequest request(ExportRequest.Scope scope, List<Map.Entry<String, String>> given, String requestUrl) {
        Set<String> types = new LinkedHashSet<>();
        List<String> patients = new ArrayList<>();
        Optional<Instant> since = Optional.empty();
        for (Map.Entry<String, String> parameter : given) {
            String value = parameter.getValue().strip();
            switch (parameter.getKey()) {
                case "_outputFormat" -> {
                    if (!NDJSON.contains(value)) {
                        throw new InvalidSearch("_outputFormat", "files are written as application/fhir+ndjson only");
                    }
                }
                case "_type" -> Arrays.stream(value.split(",")).map(String::strip).forEach(type -> {
                    if (!scope.types().contains(type)) {
                        throw new InvalidSearch("_type", "this export has " + new TreeSet<>(scope.types()) + ", not " + type);
                    }
                    types.add(type);
                });
                case "_since" -> since = Optional.of(instant(value));
                case "patient" -> {
                    if (scope != ExportRequest.Scope.PATIENTS) {
                        throw new InvalidSearch("patient", "patients are named only in a Patient/$export");
                    }
                    patients.add(PatientParameter.reference(Map.of("patient", value), "patient", "Patient"));
                }
                default -> throw new InvalidSearch(parameter.getKey(),
                        "the export parameter " + parameter.getKey() + " is not supported; supported are " + new TreeSet<>(NAMES));
            }
        }
        if (scope == ExportRequest.Scope.PATIENTS && patients.isEmpty()) {
            throw new InvalidSearch("patient", "MediCore's services list no patients wholesale: name each patient to export"
                    + " with the patient parameter (patient=Patient/<id>, or in a POSTed Parameters resource)");
        }
        if (patients.size() > MOST_PATIENTS) {
            throw new InvalidSearch("patient", "at most " + MOST_PATIENTS + " patients per export");
        }
        return new ExportRequest(scope, List.copyOf(new LinkedHashSet<>(patients)), types, since, requestUrl);
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new InvalidSearch("_since", "_since is an instant with its zone, e.g. 2026-04-01T00:00:00Z");
        }
    }
}
