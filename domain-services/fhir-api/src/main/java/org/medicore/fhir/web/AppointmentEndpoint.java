package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.AppointmentRequests;
import org.medicore.fhir.resource.AppointmentResources;
import org.medicore.fhir.resource.InvalidResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appointment create (a booking), update to {@code status=cancelled} (a cancellation, of the version
 * in {@code If-Match} when given), read, and a patient's appointments, latest start first, optionally within days
 * ({@code date=ge2026-04-01&date=lt2026-05-01}, days in the clinic's zone). appointment-service
 * lists by patient without a date filter, so the days are applied to each of its pages here: a page
 * may hold fewer than {@code _count} entries, and paging stops once the pages are past the range.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/Appointment", produces = {"application/fhir+json", "application/json"})
class AppointmentEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("patient", "actor", "date");
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private final ClinicRecords records;
    private final ZoneId clinicZone;

    AppointmentEndpoint(ClinicRecords records, FhirSettings settings) {
        this.records = records;
        this.clinicZone = settings.clinicZone();
    }

    /**
     * Books: 201 with the booked appointment and its {@code Location}. A retry with the same
     * {@code Idempotency-Key} answers the same booking; without one, each request is a new booking.
     */
    @PostMapping(consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<Appointment> create(@AuthenticationPrincipal Jwt token, @RequestBody Appointment wanted,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        Appointment booked = AppointmentResources.of(records.book(CallerOf.token(token),
                AppointmentRequests.booking(wanted, key)).getAppointment());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}/_history/{version}")
                .buildAndExpand(booked.getIdPart(), booked.getMeta().getVersionId()).toUri();
        return ResponseEntity.created(location).eTag(weak(booked)).body(booked);
    }

    /** Cancels: the only change served; the reason is the cancelation reason, who cancelled follows from the caller's role. */
    @PutMapping(value = "/{id}", consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<Appointment> update(@AuthenticationPrincipal Jwt token, @PathVariable String id, @RequestBody Appointment changed,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Appointment cancelled = AppointmentResources.of(records.cancel(CallerOf.token(token),
                AppointmentRequests.cancellation(id, changed, version(ifMatch))).getAppointment());
        return ResponseEntity.ok().eTag(weak(cancelled)).body(cancelled);
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

    /** FHIR's version tag {@code W/"3"}; none (0) lets the service cancel whatever version is current. */
    private static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return 0;
        }
        Matcher version = VERSION_TAG.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw new InvalidResource("If-Match", "If-Match names the version as W/\"<version>\"");
        }
        return Long.parseLong(version.group(1));
    }

    private static String weak(Appointment appointment) {
        return "W/\"" + appointment.getMeta().getVersionId() + "\"";
    }
}
