package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Practitioner;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.PractitionerResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Practitioner read: whom an appointment is with. */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/Practitioner", produces = {"application/fhir+json", "application/json"})
class PractitionerEndpoint {

    private final ClinicRecords records;

    PractitionerEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping("/{id}")
    Practitioner read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return PractitionerResources.of(Practitioners.one(records, CallerOf.token(token), id));
    }
}
