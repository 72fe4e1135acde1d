package org.medicore.support.audit;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.medicore.support.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records every call of the service's own API in the audit trail, allowed or not. It is the
 * outermost interceptor, so it also sees calls the token check refuses. The answer is held back
 * until its record is written: an access that can't be recorded fails with UNAVAILABLE and
 * returns nothing.
 */
public final class AuditInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> FORWARDED_FOR = Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TRACE_PARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    private static final String OWN_SERVICES = "medicore.";
    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

    private final RecordAccess trail;
    private final String resourceType;
    private final RelayingFrontEnds frontEnds;
    private final Clock clock;
    private final KnownCallers callers = new KnownCallers();

    public AuditInterceptor(RecordAccess trail, String resourceType, RelayingFrontEnds frontEnds, Clock clock) {
        this.trail = trail;
        this.resourceType = resourceType;
        this.frontEnds = frontEnds;
        this.clock = clock;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (service == null || !service.startsWith(OWN_SERVICES)) {
            return next.startCall(call, headers);
        }
        AuditedCall<Q, R> audited = new AuditedCall<>(call, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(audited, headers)) {
            @Override
            public void onMessage(Q message) {
                audited.request = message;
                super.onMessage(message);
            }

            @Override
            public void onCancel() {
                try {
                    audited.recordOnce(Status.CANCELLED);
                } catch (RuntimeException unrecorded) {
                    log.error("a cancelled call to {} could not be recorded in the audit trail: {}",
                            call.getMethodDescriptor().getFullMethodName(), unrecorded.getMessage());
                }
                super.onCancel();
            }
        };
    }

    private final class AuditedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {

        private final Metadata headers;
        private final List<R> answers = new ArrayList<>();
        private Q request;
        private boolean recorded;

        AuditedCall(ServerCall<Q, R> call, Metadata headers) {
            super(call);
            this.headers = headers;
        }

        @Override
        public void sendMessage(R message) {
            answers.add(message);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            try {
                recordOnce(status);
            } catch (RuntimeException unrecorded) {
                log.error("an access to {} was refused because the audit trail could not record it: {}",
                        getMethodDescriptor().getFullMethodName(), unrecorded.getMessage());
                super.close(Status.UNAVAILABLE.withDescription(
                        "the access could not be recorded in the audit trail, so nothing was returned; try again later"),
                        new Metadata());
                return;
            }
            answers.forEach(super::sendMessage);
            super.close(status, trailers);
        }

        synchronized void recordOnce(Status status) {
            if (recorded) {
                return;
            }
            recorded = true;
            trail.record(describe(status));
        }

        private AccessRecord describe(Status status) {
            CallerClaims caller = status.getCode() == Status.Code.UNAUTHENTICATED
                    ? CallerClaims.ANONYMOUS : callers.of(headers.get(AUTHORIZATION));
            String operation = getMethodDescriptor().getBareMethodName();
            Action action = Action.of(operation);
            Set<String> patients = new LinkedHashSet<>();
            List<String> resourceIds = List.of();
            List<String> changed = List.of();
            if (request instanceof Message message) {
                resourceIds = MessageFacts.resourceIds(message);
                MessageFacts.collectPatientIds(message, patients);
                changed = action == Action.CHANGE ? MessageFacts.changedFields(message) : List.of();
            }
            answers.stream().filter(Message.class::isInstance)
                    .forEach(answer -> MessageFacts.collectPatientIds((Message) answer, patients));
            String forwardedFor = frontEnds.vouchFor(headers) ? headers.get(FORWARDED_FOR) : null;
            return new AccessRecord(clock.instant(), caller.subject(), caller.roles(), caller.clientId(),
                    getMethodDescriptor().getServiceName(), operation, action, resourceType, resourceIds,
                    List.copyOf(patients), changed, address(getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)),
                    forwardedFor == null ? "" : forwardedFor, Outcome.of(status.getCode()), status.getCode().name(),
                    TraceParent.traceId(headers.get(TRACE_PARENT)));
        }
    }

    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return remote == null ? "" : remote.toString();
    }
}
