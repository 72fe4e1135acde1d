package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.HistoryResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A patient's current conditions, allergies and medications from their medical history, oldest first. */
@RestController
@RequestMapping(value = FhirPaths.BASE, produces = {"application/fhir+json", "application/json"})
class HistoryEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("patient", "subject");

    private final ClinicRecords records;

    HistoryEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping("/Condition")
    Bundle conditions(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        return search(token, parameters, HistoryEntryKind.CONDITION);
    }

    @GetMapping("/AllergyIntolerance")
    Bundle allergies(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        return search(token, parameters, HistoryEntryKind.ALLERGY);
    }

    @GetMapping("/MedicationStatement")
    Bundle medications(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        return search(token, parameters, HistoryEntryKind.MEDICATION);
    }

    private Bundle search(Jwt token, Map<String, String> parameters, HistoryEntryKind kind) {
        ListHistoryRequest request = ListHistoryRequest.newBuilder().setPage(SearchPage.of(parameters, SEARCH_PARAMETERS))
                .setPatientId(PatientParameter.required(parameters)).addKinds(kind).build();
        ListHistoryResponse found = records.history(CallerOf.token(token), request);
        return SearchPage.bundle(found.getEntriesList().stream().map(HistoryResources::of).flatMap(Optional::stream).toList(),
                found.getPageInfo());
    }
}
