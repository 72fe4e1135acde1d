package org.medicore.fhir.web;

import io.grpc.Status;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.fhir.resource.AuditEventResources;
import org.medicore.support.audit.AuditFilter;
import org.medicore.support.audit.AuditTrailReader;
import org.medicore.support.audit.RecordedAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit trail as AuditEvents, for administrators only (the security chain refuses anyone else):
 * read by the record's chain position, searched by the patient touched and by day, newest first, in
 * pages whose token is the last position shown. It reads the trail itself with the reader role
 * (service-support's {@link AuditTrailReader}, the BFF's reader too); the services only write it.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/AuditEvent", produces = {"application/fhir+json", "application/json"})
class AuditEventEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("patient", "entity", "date");

    private final AuditTrailReader trail;
    private final String issuer;
    private final ZoneId clinicZone;

    AuditEventEndpoint(AuditTrailReader trail, FhirSettings settings,
                       @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        this.trail = trail;
        this.issuer = issuer;
        this.clinicZone = settings.clinicZone();
    }

    @GetMapping("/{id}")
    AuditEvent read(@PathVariable String id) {
        long position = position(id);
        // the newest record before the next position is this one, if the chain holds it
        return trail.page(AuditFilter.NONE, 1, position + 1).stream().filter(record -> record.position() == position)
                .findFirst().map(record -> AuditEventResources.of(record, issuer))
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("no audit record " + id).asRuntimeException());
    }

    @GetMapping
    Bundle search(@RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> single = parameters.toSingleValueMap();
        PageRequest page = SearchPage.of(single, SEARCH_PARAMETERS);
        Days days = Days.of(parameters.getOrDefault("date", List.of()), clinicZone);
        AuditFilter filter = new AuditFilter(patient(single), null, bound(days.from()), bound(days.until()));
        Long before = page.getPageToken().isEmpty() ? null : pageToken(page.getPageToken());
        List<RecordedAccess> found = trail.page(filter, page.getPageSize(), before);
        List<RecordedAccess> shown = found.stream().limit(page.getPageSize()).toList();
        String next = found.size() > page.getPageSize() ? Long.toString(shown.getLast().position()) : "";
        return SearchPage.bundle(shown.stream().map(record -> AuditEventResources.of(record, issuer)).toList(),
                PageInfo.newBuilder().setTotalSize(-1).setNextPageToken(next).build());
    }

    /** {@code patient=<id>|Patient/<id>} or {@code entity=Patient/<id>}: the trail is searched by the patients it names. */
    private static String patient(Map<String, String> parameters) {
        if (parameters.containsKey("patient") && parameters.containsKey("entity")) {
            throw new InvalidSearch("entity", "give the patient once: patient=Patient/<id> or entity=Patient/<id>");
        }
        if (parameters.containsKey("entity")) {
            if (!parameters.get("entity").startsWith("Patient/")) {
                throw new InvalidSearch("entity", "the audit trail is searched by the patient touched: entity=Patient/<id>");
            }
            return PatientParameter.reference(parameters, "entity", "Patient");
        }
        return parameters.containsKey("patient") ? PatientParameter.required(parameters) : null;
    }

    private static Instant bound(Instant day) {
        return day.equals(Instant.MIN) || day.equals(Instant.MAX) ? null : day;
    }

    private static long position(String id) {
        try {
            long position = Long.parseLong(id);
            if (position > 0 && position < Long.MAX_VALUE) {
                return position;
            }
        } catch (NumberFormatException notAPosition) {
            // answered below as any id the trail never gave out
        }
        throw Status.NOT_FOUND.withDescription("no audit record " + id).asRuntimeException();
    }

    private static long pageToken(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException notAPosition) {
            throw new InvalidSearch(SearchPage.PAGE_TOKEN, "_page_token is not one this search gave out");
        }
    }
}
