package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.medicore.fhir.intake.RecordImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /fhir} with a transaction Bundle: a patient's record imported ({@link RecordImport}).
 * 200 with the transaction-response Bundle; a Bundle refused as a whole is 400 when anything in it is
 * invalid and 422 when it is valid but holds what MediCore can't record (issue code not-supported).
 */
@RestController
class TransactionEndpoint {

    private final RecordImport recordImport;

    TransactionEndpoint(RecordImport recordImport) {
        this.recordImport = recordImport;
    }

    @PostMapping(value = FhirPaths.BASE, consumes = {"application/fhir+json", "application/json"},
            produces = {"application/fhir+json", "application/json"})
    ResponseEntity<Resource> transaction(@AuthenticationPrincipal Jwt token, @RequestBody Bundle transaction) {
        return switch (recordImport.run(CallerOf.token(token), transaction)) {
            case RecordImport.Imported imported -> ResponseEntity.ok().contentType(FhirJsonConverter.FHIR_JSON).body(imported.response());
            case RecordImport.Refused refused -> ResponseEntity.status(onlyUnsupported(refused.outcome())
                    ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST).contentType(FhirJsonConverter.FHIR_JSON)
                    .body(refused.outcome());
        };
    }

    private static boolean onlyUnsupported(OperationOutcome outcome) {
        return outcome.getIssue().stream().allMatch(issue -> issue.getCode() == OperationOutcome.IssueType.NOTSUPPORTED);
    }
}
