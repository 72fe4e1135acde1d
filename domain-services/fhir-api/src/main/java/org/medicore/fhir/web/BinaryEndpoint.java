package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Binary;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.records.LinkedFiles;
import org.medicore.fhir.resource.BinaryResources;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * A lab report's original PDF, the Binary its DiagnosticReport's presented form points at; its id is
 * the report's. As FHIR's Binary read asks: a client that asks for FHIR JSON gets the Binary resource
 * with the bytes as {@code data} (R4's Binary has no element for a link), any other client the content
 * itself, here as a 303 to lab-processor's short-lived presigned link, so the PDF goes from the store
 * to the client without passing through this service. lab-processor decides who may have it.
 */
@RestController
@RequestMapping(FhirPaths.BASE + "/Binary")
class BinaryEndpoint {

    private static final List<MediaType> FHIR_TYPES = List.of(MediaType.parseMediaType("application/fhir+json"),
            MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/json+fhir"));

    private final ClinicRecords records;
    private final LinkedFiles files;

    BinaryEndpoint(ClinicRecords records, LinkedFiles files) {
        this.records = records;
        this.files = files;
    }

    @GetMapping("/{id}")
    ResponseEntity<?> read(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        GetReportDownloadUrlResponse file = records.labReportFile(CallerOf.token(token),
                GetReportDownloadUrlRequest.newBuilder().setReportId(id).build());
        URI link = URI.create(file.getDownloadUrl());
        if (asksForFhir(accept)) {
            Binary binary = BinaryResources.labReportFile(id, file.getContentType(), files.fetch(link));
            return ResponseEntity.ok().contentType(FhirJsonConverter.FHIR_JSON).cacheControl(CacheControl.noStore())
                    .body(binary);
        }
        // the link is a bearer credential until it expires: no cache may keep it
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(link).cacheControl(CacheControl.noStore()).build();
    }

    /** Only an explicit FHIR (or plain JSON) type: a browser's or download tool's wildcard wants the file. */
    private static boolean asksForFhir(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> FHIR_TYPES.stream().anyMatch(type::equalsTypeAndSubtype));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
