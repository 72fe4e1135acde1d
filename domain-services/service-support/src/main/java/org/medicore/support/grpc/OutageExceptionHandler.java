package org.medicore.support.grpc;

import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * A call that failed because a store is down answers UNAVAILABLE, which clients retry, instead of
 * the UNKNOWN Spring gRPC answers for any exception an endpoint lets through, logged as
 * {@link GrpcErrors#ofFailure} logs an outage (one WARN line). Every other failure is left to the
 * handlers after this one.
 */
public final class OutageExceptionHandler implements GrpcExceptionHandler {

    @Override
    public StatusException handleException(Throwable failure) {
        if (!Outages.isOutage(failure)) {
            return null;
        }
        StatusRuntimeException unavailable = GrpcErrors.ofFailure(failure);
        return new StatusException(unavailable.getStatus(), unavailable.getTrailers());
    }
}
