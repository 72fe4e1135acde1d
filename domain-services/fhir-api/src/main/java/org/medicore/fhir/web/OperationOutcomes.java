package org.medicore.fhir.web;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.medicore.fhir.intake.RecordImport;
import org.medicore.fhir.records.LinkedFiles;
import org.medicore.fhir.resource.InvalidResource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Optional;

/**
 * Every refusal and failure as a FHIR OperationOutcome with the FHIR issue code and the HTTP status
 * that go with it; never a stack trace. A service's gRPC status is translated here once: NOT_FOUND
 * is not-found, PERMISSION_DENIED forbidden, INVALID_ARGUMENT invalid (one issue per field
 * violation), FAILED_PRECONDITION (a clinic rule: the slot is taken, too late to cancel) business-rule
 * with 422, ABORTED (a stale version) conflict with 412, ALREADY_EXISTS duplicate with 409, an
 * unreachable service transient.
 */
@RestControllerAdvice
class OperationOutcomes {

    private static final Logger log = LoggerFactory.getLogger(OperationOutcomes.class);

    @ExceptionHandler(StatusRuntimeException.class)
    ResponseEntity<OperationOutcome> serviceRefused(StatusRuntimeException refusal) {
        Status status = refusal.getStatus();
        return switch (status.getCode()) {
            case NOT_FOUND -> answer(HttpStatus.NOT_FOUND, outcome(IssueType.NOTFOUND, "the resource does not exist", null));
            case PERMISSION_DENIED -> answer(HttpStatus.FORBIDDEN,
                    outcome(IssueType.FORBIDDEN, "the caller may not see this record", null));
            case UNAUTHENTICATED -> answer(HttpStatus.UNAUTHORIZED, outcome(IssueType.LOGIN, "the token was refused", null));
            case INVALID_ARGUMENT -> answer(HttpStatus.BAD_REQUEST, invalid(refusal));
            case FAILED_PRECONDITION -> answer(HttpStatus.UNPROCESSABLE_CONTENT, outcome(IssueType.BUSINESSRULE,
                    Optional.ofNullable(status.getDescription()).orElse("a clinic rule refuses the request"), null));
            case ABORTED -> answer(HttpStatus.PRECONDITION_FAILED, outcome(IssueType.CONFLICT,
                    "the resource changed since the version given; read it again and retry", null));
            case ALREADY_EXISTS -> answer(HttpStatus.CONFLICT, outcome(IssueType.DUPLICATE, "the resource exists already", null));
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> {
                log.warn("a service did not answer: {}", status.getCode());
                yield answer(HttpStatus.SERVICE_UNAVAILABLE,
                        outcome(IssueType.TRANSIENT, "a MediCore service did not answer in time; try again", null));
            }
            default -> {
                log.error("a service failed: {} {}", status.getCode(), status.getDescription());
                yield answer(HttpStatus.INTERNAL_SERVER_ERROR, outcome(IssueType.EXCEPTION, "the request failed", null));
            }
        };
    }

    /**
     * A write of an import failed after others succeeded: the failure as any other, plus what was stored,
     * and that the same Bundle posted again completes the import (every write of it is idempotent).
     */
    @ExceptionHandler(RecordImport.PartlyImported.class)
    ResponseEntity<OperationOutcome> partlyImported(RecordImport.PartlyImported partly) {
        ResponseEntity<OperationOutcome> failure = partly.getCause() instanceof StatusRuntimeException refusal
                ? serviceRefused(refusal) : failed((Exception) partly.getCause());
        failure.getBody().addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(IssueType.INCOMPLETE)
                .setDiagnostics("the import stopped after storing " + String.join(", ", partly.stored())
                        + "; post the same Bundle again to complete it: what is stored already is found, not doubled")
                .setExpression(partly.stored().stream().map(org.hl7.fhir.r4.model.StringType::new).toList());
        return failure;
    }

    @ExceptionHandler(InvalidSearch.class)
    ResponseEntity<OperationOutcome> invalidSearch(InvalidSearch invalid) {
        return answer(HttpStatus.BAD_REQUEST, outcome(IssueType.INVALID, invalid.getMessage(), invalid.parameter()));
    }

    @ExceptionHandler(InvalidResource.class)
    ResponseEntity<OperationOutcome> invalidResource(InvalidResource invalid) {
        return answer(HttpStatus.BAD_REQUEST, outcome(IssueType.INVALID, invalid.getMessage(), invalid.element()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OperationOutcome> unreadable(HttpMessageNotReadableException unreadable) {
        return answer(HttpStatus.BAD_REQUEST, outcome(IssueType.STRUCTURE, "the body is not a FHIR resource of the type this"
                + " request takes, in JSON", null));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<OperationOutcome> notReadable(HttpMediaTypeNotSupportedException unsupported) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, outcome(IssueType.NOTSUPPORTED, "bodies are read as application/fhir+json", null));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<OperationOutcome> missingParameter(MissingServletRequestParameterException missing) {
        return answer(HttpStatus.BAD_REQUEST, outcome(IssueType.REQUIRED,
                "the search parameter " + missing.getParameterName() + " is required", missing.getParameterName()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<OperationOutcome> notServed(NoResourceFoundException unknown) {
        return answer(HttpStatus.NOT_FOUND, outcome(IssueType.NOTSUPPORTED,
                "not served here; GET /fhir/metadata lists what is", null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<OperationOutcome> methodNotServed(HttpRequestMethodNotSupportedException unsupported) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, outcome(IssueType.NOTSUPPORTED,
                unsupported.getMethod() + " is not served here; GET /fhir/metadata lists what is", null));
    }

    @ExceptionHandler(LinkedFiles.UnreachableFile.class)
    ResponseEntity<OperationOutcome> fileUnreachable(LinkedFiles.UnreachableFile unreachable) {
        log.warn("a file behind a service's link could not be fetched: {}", unreachable.getMessage());
        return answer(HttpStatus.BAD_GATEWAY, outcome(IssueType.TRANSIENT, "the file could not be fetched from its store; try again", null));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<OperationOutcome> notAcceptable(HttpMediaTypeNotAcceptableException unacceptable) {
        return answer(HttpStatus.NOT_ACCEPTABLE, outcome(IssueType.NOTSUPPORTED, "only application/fhir+json is served", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<OperationOutcome> failed(Exception failure) {
        log.error("a FHIR request failed", failure);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, outcome(IssueType.EXCEPTION, "the request failed", null));
    }

    static OperationOutcome outcome(IssueType type, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    private static ResponseEntity<OperationOutcome> answer(HttpStatus status, OperationOutcome outcome) {
        return ResponseEntity.status(status).contentType(FhirJsonConverter.FHIR_JSON).body(outcome);
    }

    /** One issue per field the service named; its field paths are the gRPC request's, which the FHIR caller never wrote. */
    private static OperationOutcome invalid(StatusRuntimeException refusal) {
        OperationOutcome outcome = new OperationOutcome();
        badRequest(refusal).ifPresent(details -> details.getFieldViolationsList().forEach(violation ->
                outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(IssueType.INVALID)
                        .setDiagnostics(violation.getField() + ": " + violation.getDescription())));
        if (!outcome.hasIssue()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(IssueType.INVALID)
                    .setDiagnostics(Optional.ofNullable(refusal.getStatus().getDescription()).orElse("the request is not valid"));
        }
        return outcome;
    }

    private static Optional<BadRequest> badRequest(StatusRuntimeException refusal) {
        com.google.rpc.Status status = StatusProto.fromThrowable(refusal);
        if (status == null) {
            return Optional.empty();
        }
        return status.getDetailsList().stream().filter(detail -> detail.is(BadRequest.class)).findFirst().map(detail -> {
            try {
                return detail.unpack(BadRequest.class);
            } catch (InvalidProtocolBufferException unreadable) {
                return BadRequest.getDefaultInstance();
            }
        });
    }
}
