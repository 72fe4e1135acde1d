package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersResponse;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.PractitionerRoleResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A practitioner's role at the clinic (one each, its id the practitioner's): read, searched by
 * {@code practitioner}, or by {@code specialty} (its text, as appointment-service keeps it) in pages.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/PractitionerRole", produces = {"application/fhir+json", "application/json"})
class PractitionerRoleEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("practitioner", "specialty");

    private final ClinicRecords records;

    PractitionerRoleEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping("/{id}")
    PractitionerRole read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Caller caller = CallerOf.token(token);
        return role(caller, Practitioners.one(records, caller, id));
    }

    @GetMapping
    Bundle search(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        Caller caller = CallerOf.token(token);
        if (parameters.containsKey("practitioner") == parameters.containsKey("specialty")) {
            SearchPage.refuseUnknown(parameters, SEARCH_PARAMETERS, Set.of());
            throw new InvalidSearch("practitioner", "roles are searched by practitioner=Practitioner/<id> or by specialty, one of them");
        }
        if (parameters.containsKey("practitioner")) {
            SearchPage.refuseUnknown(parameters, Set.of("practitioner"), Set.of());
            String id = PatientParameter.reference(parameters, "practitioner", "Practitioner");
            return SearchPage.searchset(List.of(role(caller, Practitioners.one(records, caller, id))));
        }
        ListPractitionersResponse found = records.listPractitioners(caller, ListPractitionersRequest.newBuilder()
                .setSpecialty(parameters.get("specialty"))
                .setPage(SearchPage.of(parameters, Set.of("specialty"))).build());
        return SearchPage.bundle(found.getPractitionersList().stream().map(practitioner -> role(caller, practitioner)).toList(),
                found.getPageInfo());
    }

    private PractitionerRole role(Caller caller, Practitioner practitioner) {
        return PractitionerRoleResources.of(practitioner, Practitioners.hours(records, caller, practitioner.getId()));
    }
}
