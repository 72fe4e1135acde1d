package org.medicore.support.grpc;

import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * A call that failed because a store is down answers UNAVAILABLE, which clients retry, instead of
 * the UNKNOWN Spring gRPC answers for any exception an endpoint lets through. Every other failure
 * is left to the handlers after this one.
 */
public final class OutageExceptionHandler implements GrpcExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutageExceptionHandler.class);

    @Override
    public StatusException handleException(Throwable failure) {
        if (!Outages.isOutage(failure)) {
            return null;
        }
        LOG.warn("a call failed because a store is unreachable: {}", failure.toString());
        StatusRuntimeException unavailable = GrpcErrors.unavailable();
        return new StatusException(unavailable.getStatus(), unavailable.getTrailers());
    }
}
