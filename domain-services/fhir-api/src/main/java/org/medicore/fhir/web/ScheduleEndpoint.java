package org.medicore.fhir.web;

import io.grpc.Status;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Schedule;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.ScheduleResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A practitioner's Schedule (their working hours; its id is the practitioner's), read or searched by
 * {@code actor}. A practitioner without working hours has no Schedule.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/Schedule", produces = {"application/fhir+json", "application/json"})
class ScheduleEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("actor");

    private final ClinicRecords records;

    ScheduleEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping("/{id}")
    Schedule read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return schedule(CallerOf.token(token), id)
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("no working hours of " + id).asRuntimeException());
    }

    @GetMapping
    Bundle search(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        SearchPage.refuseUnknown(parameters, SEARCH_PARAMETERS, Set.of());
        String practitionerId = PatientParameter.reference(parameters, "actor", "Practitioner");
        return SearchPage.searchset(schedule(CallerOf.token(token), practitionerId).stream().toList());
    }

    private Optional<Schedule> schedule(Caller caller, String practitionerId) {
        Practitioner practitioner = Practitioners.one(records, caller, practitionerId);
        return Practitioners.hours(records, caller, practitionerId).map(hours -> ScheduleResources.of(practitioner, hours));
    }
}
