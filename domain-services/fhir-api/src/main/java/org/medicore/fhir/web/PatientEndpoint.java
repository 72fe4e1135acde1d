package org.medicore.fhir.web;

import com.google.type.Date;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.PatientResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Patient read and search. patient-service searches by the prefix of the family name (at least two
 * letters, with an optional given-name prefix) and by the exact date of birth, so those are the
 * parameters served: {@code name} and {@code family} both mean the family name, {@code birthdate} an
 * exact day ({@code eq} or no prefix); {@code identifier} MediCore's own (the id as a UUID URN).
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/Patient", produces = {"application/fhir+json", "application/json"})
class PatientEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("name", "family", "given", "birthdate", "identifier");
    private static final String UUID_IDENTIFIER = PatientResources.UUID_IDENTIFIER + "|urn:uuid:";

    private final ClinicRecords records;

    PatientEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping("/{id}")
    Patient read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return PatientResources.of(records.patient(CallerOf.token(token), GetPatientRequest.newBuilder().setPatientId(id).build()).getPatient());
    }

    @GetMapping
    Bundle search(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        PageRequest page = SearchPage.of(parameters, SEARCH_PARAMETERS);
        if (parameters.containsKey("identifier")) {
            return byIdentifier(token, parameters);
        }
        SearchPatientsRequest.Builder search = SearchPatientsRequest.newBuilder().setPage(page);
        String family = parameters.getOrDefault("family", parameters.getOrDefault("name", "")).strip();
        if (parameters.containsKey("family") && parameters.containsKey("name")) {
            throw new InvalidSearch("name", "name and family both search the family name: give one of them");
        }
        if (!family.isEmpty() && family.length() < 2) {
            throw new InvalidSearch(parameters.containsKey("family") ? "family" : "name", "a name to search needs at least 2 letters");
        }
        String given = parameters.getOrDefault("given", "").strip();
        if (!given.isEmpty() && family.isEmpty()) {
            throw new InvalidSearch("given", "given is searched only together with name or family");
        }
        search.setFamilyNamePrefix(family).setGivenNamePrefix(given);
        if (parameters.containsKey("birthdate")) {
            search.setDateOfBirth(exactDay(parameters.get("birthdate")));
        }
        if (family.isEmpty() && !search.hasDateOfBirth()) {
            throw new InvalidSearch("name", "search patients by name, family or birthdate");
        }
        SearchPatientsResponse found = records.searchPatients(CallerOf.token(token), search.build());
        return SearchPage.bundle(found.getPatientsList().stream().map(PatientResources::of).toList(), found.getPageInfo());
    }

    /**
     * The patient a partner knows by MediCore's identifier ({@code urn:ietf:rfc:3986|urn:uuid:<id>}):
     * a Bundle of that one patient, or an empty one when the service knows none by that id.
     */
    private Bundle byIdentifier(Jwt token, Map<String, String> parameters) {
        String identifier = parameters.get("identifier");
        if (parameters.size() > 1 || !identifier.startsWith(UUID_IDENTIFIER)) {
            throw new InvalidSearch("identifier", "identifier is searched alone, as " + UUID_IDENTIFIER + "<patient id>");
        }
        try {
            return SearchPage.bundle(List.of(read(token, identifier.substring(UUID_IDENTIFIER.length()))),
                    PageInfo.newBuilder().setTotalSize(1).build());
        } catch (StatusRuntimeException refused) {
            if (refused.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw refused;
            }
            return SearchPage.bundle(List.of(), PageInfo.newBuilder().setTotalSize(0).build());
        }
    }

    private static Date exactDay(String given) {
        String day = given.startsWith("eq") ? given.substring(2) : given;
        try {
            LocalDate date = LocalDate.parse(day);
            return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
        } catch (DateTimeParseException notADay) {
            throw new InvalidSearch("birthdate", "birthdate is searched by an exact day, e.g. 1985-03-14 or eq1985-03-14");
        }
    }
}
