package org.medicore.fhir.web;

import com.google.type.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.AppointmentResources;
import org.medicore.fhir.resource.SlotResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The free slots of a practitioner's Schedule ({@code schedule=Schedule/<practitioner id>}) for an
 * appointment type ({@code appointment-type=ROUTINE|FOLLOWUP}, v2-0276; a consultation when absent)
 * on the days of {@code start} (days in the clinic's zone; from today, a week when open-ended).
 * appointment-service works them out for at most 31 days at a time and answers them all, so the
 * Bundle is one page.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/Slot", produces = {"application/fhir+json", "application/json"})
class SlotEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("schedule", "start", "appointment-type");
    private static final int OPEN_ENDED_DAYS = 7;

    private final ClinicRecords records;
    private final ZoneId clinicZone;
    private final Clock clock;

    SlotEndpoint(ClinicRecords records, FhirSettings settings, Clock clock) {
        this.records = records;
        this.clinicZone = settings.clinicZone();
        this.clock = clock;
    }

    @GetMapping
    Bundle search(@AuthenticationPrincipal Jwt token, @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> single = parameters.toSingleValueMap();
        SearchPage.refuseUnknown(single, SEARCH_PARAMETERS, Set.of());
        Days days = Days.of("start", parameters.getOrDefault("start", List.of()), clinicZone);
        LocalDate from = days.from().equals(Instant.MIN) ? LocalDate.now(clock.withZone(clinicZone))
                : days.from().atZone(clinicZone).toLocalDate();
        LocalDate to = days.until().equals(Instant.MAX) ? from.plusDays(OPEN_ENDED_DAYS - 1)
                : days.until().minusNanos(1).atZone(clinicZone).toLocalDate();
        ListFreeSlotsRequest request = ListFreeSlotsRequest.newBuilder()
                .setPractitionerId(PatientParameter.reference(single, "schedule", "Schedule"))
                .setAppointmentType(type(single.get("appointment-type")))
                .setFromDate(date(from)).setToDate(date(to))
                .build();
        return SearchPage.searchset(records.freeSlots(CallerOf.token(token), request).getSlotsList().stream()
                .map(SlotResources::of).toList());
    }

    private static AppointmentType type(String token) {
        if (token == null) {
            return AppointmentType.CONSULTATION;
        }
        String system = AppointmentResources.typeSystem() + "|";
        return AppointmentResources.typeCoded(token.startsWith(system) ? token.substring(system.length()) : token)
                .orElseThrow(() -> new InvalidSearch("appointment-type", "appointment-type is a v2-0276 code: ROUTINE or FOLLOWUP"));
    }

    private static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }
}
