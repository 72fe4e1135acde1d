package org.medicore.support.grpc;

import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * How a failure an endpoint let through is answered, so no caller ever hears UNKNOWN (Spring gRPC's answer,
 * without a word and logged only at TRACE, for anything no handler answered): a status already chosen is
 * kept, anything else is answered and logged by {@link GrpcErrors#ofFailure}, as endpoints that catch their
 * failures answer them.
 */
public final class EndpointFailureHandler implements GrpcExceptionHandler {

    @Override
    public StatusException handleException(Throwable failure) {
        if (failure instanceof StatusException chosen) {
            return chosen;
        }
        StatusRuntimeException answer = failure instanceof StatusRuntimeException chosen ? chosen : GrpcErrors.ofFailure(failure);
        return new StatusException(answer.getStatus(), answer.getTrailers());
    }
}
