package org.medicore.support.validation;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.FieldViolation;

import java.util.List;
import java.util.Optional;

/**
 * Refuses a request with a control character in any text field ({@link PlainText}) with
 * INVALID_ARGUMENT and one field violation per such field, before the service reads it; likewise a
 * request read as unreadable ({@link UnreadableRequests}: text that is not UTF-8, bytes that are
 * no protobuf). The rules the contract writes ({@link ProtoRules}) are not checked here but where the
 * service reads the request, so they are named together with the service's own refusals. It sits inside
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
                Optional<StatusRuntimeException> refusal = message instanceof Message request
                        ? UnreadableRequests.refusal(request).or(() -> plainTextRefusal(request)) : Optional.empty();
                if (refusal.isEmpty()) {
                    super.onMessage(message);
                    return;
                }
                refused = true;
                call.close(refusal.get().getStatus(), refusal.get().getTrailers());
            }

            private Optional<StatusRuntimeException> plainTextRefusal(Message request) {
                List<FieldViolation> violations = PlainText.violations(request);
                return violations.isEmpty() ? Optional.empty() : Optional.of(GrpcErrors.invalid(violations));
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
