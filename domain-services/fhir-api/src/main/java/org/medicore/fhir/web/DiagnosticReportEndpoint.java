package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListReportsByPatientResponse;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.LabReportResources;
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
 * A patient's lab reports from lab-processor, read or searched by patient in pages; each with the
 * results read from it (one more call to lab-processor per report). A report still awaiting its
 * upload is left out of a page, so a search gives no total.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE + "/DiagnosticReport", produces = {"application/fhir+json", "application/json"})
class DiagnosticReportEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("patient");
    /** lab-processor's largest page: a report holds far fewer results. */
    private static final int RESULTS_OF_A_REPORT = 100;

    private final ClinicRecords records;

    DiagnosticReportEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping("/{id}")
    DiagnosticReport read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Caller caller = CallerOf.token(token);
        LabReport report = records.labReport(caller, GetReportStatusRequest.newBuilder().setReportId(id).build()).getReport();
        return diagnostic(caller, report).orElseThrow(() -> io.grpc.Status.NOT_FOUND
                .withDescription("report " + id + " is not uploaded yet").asRuntimeException());
    }

    @GetMapping
    Bundle search(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        Caller caller = CallerOf.token(token);
        ListReportsByPatientResponse found = records.labReports(caller, ListReportsByPatientRequest.newBuilder()
                .setPage(SearchPage.of(parameters, SEARCH_PARAMETERS))
                .setPatientId(PatientParameter.required(parameters)).build());
        return SearchPage.bundle(found.getReportsList().stream().map(report -> diagnostic(caller, report))
                .flatMap(Optional::stream).toList(), found.getPageInfo().toBuilder().setTotalSize(-1).build());
    }

    private Optional<DiagnosticReport> diagnostic(Caller caller, LabReport report) {
        return LabReportResources.of(report, records.reportResults(caller, ListResultsByPatientRequest.newBuilder()
                .setPatientId(report.getPatientId()).setReportId(report.getId())
                .setPage(PageRequest.newBuilder().setPageSize(RESULTS_OF_A_REPORT)).build()).getResultsList());
    }
}
