package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.LabResultObservations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

/**
 * A patient's lab results as laboratory Observations, newest first: {@code patient} is required (the
 * results are kept per patient), {@code code} narrows to one test ({@code 718-7} or
 * {@code http://loinc.org|718-7}), {@code category} may only say laboratory.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/Observation", produces = {"application/fhir+json", "application/json"})
class ObservationEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("patient", "subject", "code", "category");
    private static final String LOINC = "http://loinc.org|";

    private final ClinicRecords records;

    ObservationEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping
    Bundle search(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        ListLabResultsRequest.Builder request = ListLabResultsRequest.newBuilder()
                .setPage(SearchPage.of(parameters, SEARCH_PARAMETERS))
                .setPatientId(PatientParameter.required(parameters));
        String category = parameters.getOrDefault("category", "laboratory");
        if (!category.equals("laboratory") && !category.endsWith("observation-category|laboratory")) {
            throw new InvalidSearch("category", "only laboratory Observations are served");
        }
        String code = parameters.getOrDefault("code", "");
        if (code.contains("|") && !code.startsWith(LOINC)) {
            throw new InvalidSearch("code", "lab results are coded in LOINC: give a code or http://loinc.org|code");
        }
        request.setCode(code.startsWith(LOINC) ? code.substring(LOINC.length()) : code);
        ListLabResultsResponse found = records.labResults(CallerOf.token(token), request.build());
        return SearchPage.bundle(found.getResultsList().stream().map(LabResultObservations::of).toList(), found.getPageInfo());
    }
}
