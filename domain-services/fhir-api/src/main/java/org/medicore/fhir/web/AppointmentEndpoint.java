package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.AppointmentResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appointment read, and a patient's appointments, latest start first, optionally within days
 * ({@code date=ge2026-04-01&date=lt2026-05-01}, days in the clinic's zone). appointment-service
 * lists by patient without a date filter, so the days are applied to each of its pages here: a page
 * may hold fewer than {@code _count} entries, and paging stops once the pages are past the range.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/Appointment", produces = {"application/fhir+json", "application/json"})
class AppointmentEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("patient", "actor", "date");

    private final ClinicRecords records;
    private final ZoneId clinicZone;

    AppointmentEndpoint(ClinicRecords records, FhirSettings settings) {
        this.records = records;
        this.clinicZone = settings.clinicZone();
    }

    @GetMapping("/{id}")
    Appointment read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return AppointmentResources.of(records.appointment(CallerOf.token(token),
                GetAppointmentRequest.newBuilder().setAppointmentId(id).build()).getAppointment());
    }

    @GetMapping
    Bundle search(@AuthenticationPrincipal Jwt token, @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> single = parameters.toSingleValueMap();
        String actor = single.remove("actor");
        if (actor != null) {
            if (!actor.startsWith("Patient/") || single.containsKey("patient")) {
                throw new InvalidSearch("actor", "appointments are searched by their patient: patient=<id> or actor=Patient/<id>");
            }
            single.put("patient", actor);
        }
        ListAppointmentsByPatientRequest request = ListAppointmentsByPatientRequest.newBuilder()
                .setPage(SearchPage.of(single, SEARCH_PARAMETERS))
                .setPatientId(PatientParameter.required(single))
                .setTimeFilter(AppointmentTimeFilter.ALL)
                .build();
        Days days = Days.of(parameters.getOrDefault("date", List.of()), clinicZone);
        ListAppointmentsByPatientResponse found = records.appointmentsOf(CallerOf.token(token), request);
        List<org.medicore.contracts.appointment.v1.Appointment> page = found.getAppointmentsList();
        List<Appointment> within = page.stream().filter(days::contain).map(AppointmentResources::of).toList();
        boolean pastTheRange = !page.isEmpty() && days.endBefore(page.getLast());
        PageInfo next = pastTheRange || !days.all() ? PageInfo.newBuilder().setTotalSize(-1)
                .setNextPageToken(pastTheRange ? "" : found.getPageInfo().getNextPageToken()).build() : found.getPageInfo();
        return SearchPage.bundle(within, next);
    }
}
