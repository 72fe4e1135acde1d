package org.medicore.appointment.adapter.in.grpc;

import io.grpc.StatusRuntimeException;
import org.medicore.appointment.application.port.in.Outcome;
import org.medicore.support.grpc.GrpcErrors;

/** The appointment use cases' refusals in the statuses every service answers with. */
final class ErrorStatus {

    private static final String DOMAIN = "appointment-service";

    private ErrorStatus() {
    }

    static StatusRuntimeException of(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Rejected<?> rejected -> GrpcErrors.failedPrecondition(rejected.refusal().rule().name(), "",
                    rejected.refusal().description());
            case Outcome.NotFound<?> notFound -> GrpcErrors.notFound(notFound.resource(), notFound.id(), notFound.resource());
            case Outcome.Denied<?> denied -> GrpcErrors.permissionDenied(denied.reason());
            case Outcome.Stale<?> stale -> GrpcErrors.staleVersion(DOMAIN, stale.currentVersion(),
                    "the resource changed; re-read and retry");
            case Outcome.Invalid<?> invalid -> GrpcErrors.invalid(invalid.field(), invalid.description());
            case Outcome.AlreadyExists<?> exists -> GrpcErrors.alreadyExists(exists.resource(), exists.existingId(),
                    "already exists");
            case Outcome.Success<?> success -> throw new IllegalArgumentException("a success is no error");
        };
    }
}
