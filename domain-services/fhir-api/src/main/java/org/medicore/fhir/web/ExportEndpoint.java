package org.medicore.fhir.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.medicore.fhir.export.BulkExports;
import org.medicore.fhir.export.ExportRequest;
import org.medicore.fhir.export.ExportStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * FHIR Bulk Data Access: the kick-off ({@code Patient/$export} for named patients, {@code $export}
 * for the system, admins only; {@code Prefer: respond-async} required) answers 202 with the status
 * URL in {@code Content-Location}; the status URL answers 202 with {@code X-Progress} while it runs,
 * 200 with the manifest when done; DELETE cancels it. There is no group of patients in MediCore, so
 * {@code Group/[id]/$export} is not served.
 */
@RestController
class ExportEndpoint {

    static final String STATUS = FhirPaths.BASE + "/bulk-export/{id}";
    private static final String RESPOND_ASYNC = "respond-async";
    private static final Duration POLL_AFTER = Duration.ofSeconds(2);

    private final BulkExports exports;

    ExportEndpoint(BulkExports exports) {
        this.exports = exports;
    }

    @GetMapping(FhirPaths.BASE + "/Patient/$export")
    ResponseEntity<Void> patients(@AuthenticationPrincipal Jwt token, @RequestHeader(value = "Prefer", required = false) String prefer,
                                  HttpServletRequest request) {
        return kickOff(token, prefer, ExportParameters.fromQuery(ExportRequest.Scope.PATIENTS, request.getParameterMap(), url(request)));
    }

    @PostMapping(FhirPaths.BASE + "/Patient/$export")
    ResponseEntity<Void> patients(@AuthenticationPrincipal Jwt token, @RequestHeader(value = "Prefer", required = false) String prefer,
                                  @RequestBody Parameters parameters, HttpServletRequest request) {
        return kickOff(token, prefer, ExportParameters.fromBody(ExportRequest.Scope.PATIENTS, parameters, url(request)));
    }

    @GetMapping(FhirPaths.BASE + "/$export")
    ResponseEntity<Void> system(@AuthenticationPrincipal Jwt token, @RequestHeader(value = "Prefer", required = false) String prefer,
                                HttpServletRequest request) {
        return kickOff(token, prefer, ExportParameters.fromQuery(ExportRequest.Scope.SYSTEM, request.getParameterMap(), url(request)));
    }

    @PostMapping(FhirPaths.BASE + "/$export")
    ResponseEntity<Void> system(@AuthenticationPrincipal Jwt token, @RequestHeader(value = "Prefer", required = false) String prefer,
                                @RequestBody Parameters parameters, HttpServletRequest request) {
        return kickOff(token, prefer, ExportParameters.fromBody(ExportRequest.Scope.SYSTEM, parameters, url(request)));
    }

    @GetMapping(STATUS)
    ResponseEntity<?> status(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return exports.status(token.getSubject(), id).<ResponseEntity<?>>map(status -> switch (status) {
            case ExportStatus.Running running -> ResponseEntity.accepted().header("X-Progress", running.progress())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(POLL_AFTER.toSeconds())).build();
            case ExportStatus.Completed done -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.EXPIRES, DateTimeFormatter.RFC_1123_DATE_TIME.format(done.expires().atOffset(ZoneOffset.UTC)))
                    .body(Manifest.of(done));
            case ExportStatus.Failed failed -> ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(FhirJsonConverter.FHIR_JSON)
                    .body(OperationOutcomes.outcome(OperationOutcome.IssueType.EXCEPTION, failed.reason(), null));
        }).orElseGet(() -> unknown(id));
    }

    @DeleteMapping(STATUS)
    ResponseEntity<?> cancel(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return exports.cancel(token.getSubject(), id) ? ResponseEntity.accepted().build() : unknown(id);
    }

    private ResponseEntity<Void> kickOff(Jwt token, String prefer, ExportRequest request) {
        if (prefer == null || !prefer.contains(RESPOND_ASYNC)) {
            throw new InvalidSearch("Prefer", "a bulk export runs asynchronously: send Prefer: respond-async");
        }
        String id = exports.start(CallerOf.token(token), request);
        return ResponseEntity.accepted().header(HttpHeaders.CONTENT_LOCATION,
                ServletUriComponentsBuilder.fromCurrentContextPath().path(STATUS).buildAndExpand(id).toUriString()).build();
    }

    private static ResponseEntity<?> unknown(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(FhirJsonConverter.FHIR_JSON).body(OperationOutcomes.outcome(
                OperationOutcome.IssueType.NOTFOUND, "no export " + id + " of this caller (cancelled, expired, or never started)", null));
    }

    private static String url(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    /** The Bulk Data IG's completion manifest; the URLs are presigned, so downloading needs no token. */
    record Manifest(String transactionTime, String request, boolean requiresAccessToken, List<ExportStatus.File> output,
                    List<ExportStatus.File> error) {

        static Manifest of(ExportStatus.Completed done) {
            return new Manifest(done.transactionTime().toString(), done.requestUrl(), false, done.output(), done.errors());
        }
    }
}
