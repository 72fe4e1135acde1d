package org.medicore.support.grpc;

import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * How a failure an endpoint let through is answered, so no caller ever hears UNKNOWN (Spring gRPC's answer,
 * without a word and logged only at TRACE, for anything no handler answered): a status already chosen is
 * kept; a store that is down is UNAVAILABLE and a change that met a concurrent one ABORTED, both of which
 * clients retry; anything else is INTERNAL and logged with its stack, the one place such a defect shows.
 */
public final class EndpointFailureHandler implements GrpcExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointFailureHandler.class);

    @Override
    public StatusException handleException(Throwable failure) {
        if (failure instanceof StatusException chosen) {
            return chosen;
        }
        StatusRuntimeException answer;
        if (failure instanceof StatusRuntimeException chosen) {
            answer = chosen;
        } else if (Outages.isOutage(failure)) {
            LOG.warn("a call failed because a store is unreachable: {}", failure.toString());
            answer = GrpcErrors.unavailable();
        } else if (ConcurrentChanges.isConcurrentChange(failure)) {
            LOG.warn("a call met a concurrent change to the same records and was answered ABORTED: {}", failure.toString());
            answer = GrpcErrors.concurrentChange();
        } else {
            LOG.error("a call failed unexpectedly and was answered INTERNAL", failure);
            answer = GrpcErrors.internal();
        }
        return new StatusException(answer.getStatus(), answer.getTrailers());
    }
}
