package org.medicore.appointment.adapter.in.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.medicore.appointment.application.port.in.Outcome;

/** The one place where refusals become gRPC status codes with google.rpc details. */
final class ErrorStatus {

    private ErrorStatus() {
    }

    static StatusRuntimeException of(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Rejected<?> rejected -> status(Code.FAILED_PRECONDITION, rejected.refusal().description(),
                    Any.pack(PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation.newBuilder()
                            .setType(rejected.refusal().rule().name())
                            .setDescription(rejected.refusal().description())).build()));
            case Outcome.NotFound<?> notFound -> status(Code.NOT_FOUND, notFound.resource() + " not found",
                    Any.pack(ResourceInfo.newBuilder().setResourceType(notFound.resource())
                            .setResourceName(notFound.id()).build()));
            case Outcome.Denied<?> denied -> status(Code.PERMISSION_DENIED, denied.reason(), null);
            case Outcome.Stale<?> stale -> status(Code.ABORTED, "the resource changed; re-read and retry",
                    Any.pack(ErrorInfo.newBuilder().setReason("STALE_VERSION").setDomain("appointment-service")
                            .putMetadata("current_version", Long.toString(stale.currentVersion())).build()));
            case Outcome.Invalid<?> invalid -> invalid(invalid.field(), invalid.description());
            case Outcome.AlreadyExists<?> exists -> status(Code.ALREADY_EXISTS, exists.resource() + " already exists",
                    Any.pack(ResourceInfo.newBuilder().setResourceType(exists.resource())
                            .setResourceName(exists.existingId()).build()));
            case Outcome.Success<?> success -> throw new IllegalArgumentException("a success is no error");
        };
    }

    static StatusRuntimeException invalid(String field, String description) {
        return status(Code.INVALID_ARGUMENT, field + ": " + description,
                Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(field).setDescription(description)).build()));
    }

    static StatusRuntimeException internal() {
        return status(Code.INTERNAL, "internal error", null);
    }

    private static StatusRuntimeException status(Code code, String message, Any detail) {
        var status = com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message);
        if (detail != null) {
            status.addDetails(detail);
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
