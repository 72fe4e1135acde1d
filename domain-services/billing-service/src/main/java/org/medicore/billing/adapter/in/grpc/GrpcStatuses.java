package org.medicore.billing.adapter.in.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.medicore.billing.application.port.in.Outcome;
import org.medicore.billing.domain.FieldViolation;
import org.medicore.billing.domain.Refusal;

import java.util.List;

/** Turns what a use case refused into a gRPC status with google.rpc details. */
final class GrpcStatuses {

    private static final String DOMAIN = "billing.medicore.org";

    private GrpcStatuses() {
    }

    static StatusRuntimeException of(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Done<?> done -> throw new IllegalArgumentException("not a failure: " + done);
            case Outcome.NotFound<?> notFound -> status(Code.NOT_FOUND, "no " + notFound.resourceType() + " " + notFound.id(),
                    ResourceInfo.newBuilder().setResourceType(notFound.resourceType())
                            .setResourceName(notFound.id()).build());
            case Outcome.Denied<?> denied -> status(Code.PERMISSION_DENIED, "not allowed for this caller");
            case Outcome.Invalid<?> invalid -> invalid(invalid.violations());
            case Outcome.Stale<?> stale -> status(Code.ABORTED, "stale expected_version; re-read and retry",
                    ErrorInfo.newBuilder().setReason("STALE_VERSION").setDomain(DOMAIN)
                            .putMetadata("current_version", Long.toString(stale.currentVersion())).build());
            case Outcome.Refused<?> refused -> refusal(refused.refusal());
        };
    }

    static StatusRuntimeException invalid(List<FieldViolation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        violations.forEach(violation -> details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(violation.field()).setDescription(violation.description())));
        return status(Code.INVALID_ARGUMENT, "invalid request: " + violations.stream()
                .map(violation -> violation.field() + " " + violation.description()).toList(), details.build());
    }

    private static StatusRuntimeException refusal(Refusal refusal) {
        return switch (refusal) {
            case AMOUNT_NOT_POSITIVE -> invalid(List.of(new FieldViolation("amount.amount_minor", "must be positive")));
            case CURRENCY_MISMATCH -> invalid(List.of(new FieldViolation("amount.currency", "must be the invoice currency")));
            case INVOICE_VOID, INVOICE_PAID, AMOUNT_EXCEEDS_BALANCE, HAS_PAYMENTS -> {
                String description = switch (refusal) {
                    case INVOICE_VOID -> "the invoice is void";
                    case INVOICE_PAID -> "the invoice is paid";
                    case AMOUNT_EXCEEDS_BALANCE -> "the amount exceeds the balance due";
                    default -> "the invoice has payments; refunds are out of scope";
                };
                yield status(Code.FAILED_PRECONDITION, description, PreconditionFailure.newBuilder()
                        .addViolations(PreconditionFailure.Violation.newBuilder().setType(refusal.name())
                                .setSubject("invoice").setDescription(description)).build());
            }
        };
    }

    private static StatusRuntimeException status(Code code, String message, com.google.protobuf.Message... details) {
        Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
        for (com.google.protobuf.Message detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
