package org.medicore.support.validation;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import org.medicore.support.grpc.GrpcErrors;

import java.util.List;

/**
 * Refuses a request with a control character in any text field ({@link PlainText}) with
 * INVALID_ARGUMENT and one field violation per field, before the service reads it. It sits inside
 * the audit and the token check, so a refused request is recorded and an unsigned one never gets
 * this far.
 */
public final class PlainTextInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                List<GrpcErrors.Violation> violations = message instanceof Message request
                        ? PlainText.violations(request) : List.of();
                if (violations.isEmpty()) {
                    super.onMessage(message);
                    return;
                }
                refused = true;
                StatusRuntimeException status = GrpcErrors.invalid(violations);
                call.close(status.getStatus(), status.getTrailers());
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }
}
