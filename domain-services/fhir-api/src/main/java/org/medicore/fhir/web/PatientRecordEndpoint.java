package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.medicore.fhir.export.PatientRecord;
import org.medicore.fhir.export.WholeRecord;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;


/** {@code Patient/{id}/$everything}: the patient's {@link WholeRecord} in one searchset Bundle; the total counts resources, not the notes of what was left out. */
@RestController
class PatientRecordEndpoint {

    private final WholeRecord records;

    PatientRecordEndpoint(WholeRecord records) {
        this.records = records;
    }

    @GetMapping(value = FhirPaths.BASE + "/Patient/{id}/$everything", produces = {"application/fhir+json", "application/json"})
    Bundle everything(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        PatientRecord record = records.of(CallerOf.token(token), id);
        Bundle bundle = SearchPage.searchset(record.withNotes()).setTotal(record.resources().size());
        bundle.addLink().setRelation("self").setUrl(SearchPage.currentSearch().build().encode().toUriString());
        return bundle;
    }
}
