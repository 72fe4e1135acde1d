package org.medicore.bff.error;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gRPC statuses and the BFF's own refusals as GraphQL errors on the field that failed: a
 * classification, {@code extensions.code}, and for bad input the violations with field paths in
 * the schema's spelling. A failing service fails only its fields, so the rest of the query is
 * still answered. Never a stack trace.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);

    /** Classifications beyond Spring's ErrorType, for what the portal handles differently. */
    enum MediCoreErrorType implements ErrorClassification {
        CONFLICT, UNAVAILABLE
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        return toError(failure, () -> GraphqlErrorBuilder.newError(env), env.getExecutionStepInfo().getPath().toString());
    }

    /** Also used for subscriptions, whose errors come without a DataFetchingEnvironment. */
    static GraphQLError toError(Throwable failure, java.util.function.Supplier<GraphqlErrorBuilder<?>> env, String where) {
        return switch (failure) {
            case InvalidArgument invalid -> error(env, ErrorType.BAD_REQUEST, "INVALID_ARGUMENT", invalid.getMessage(),
                    Map.of("violations", invalid.violations().stream()
                            .map(v -> violation(v.field(), v.description())).toList()));
            case Forbidden forbidden -> error(env, ErrorType.FORBIDDEN, "PERMISSION_DENIED", forbidden.getMessage(),
                    forbidden.reason().<Map<String, Object>>map(reason -> Map.of("reason", reason)).orElse(Map.of()));
            case StatusRuntimeException grpc -> fromStatus(grpc, env, where);
            default -> {
                LOG.error("unexpected failure resolving {}", where, failure);
                yield error(env, ErrorType.INTERNAL_ERROR, "INTERNAL", "something went wrong; it has been logged", Map.of());
            }
        };
    }

    private static GraphQLError fromStatus(StatusRuntimeException failure, java.util.function.Supplier<GraphqlErrorBuilder<?>> env,
                                           String where) {
        Status status = failure.getStatus();
        String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        com.google.rpc.Status details = StatusProto.fromThrowable(failure);
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (details != null) {
            for (Any detail : details.getDetailsList()) {
                unpack(detail, extensions);
            }
        }
        String code = lostConnection(failure) ? Status.Code.UNAVAILABLE.name() : status.getCode().name();
        return switch (lostConnection(failure) ? Status.Code.UNAVAILABLE : status.getCode()) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> error(env, ErrorType.BAD_REQUEST, code, description, extensions);
            case FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED -> error(env, MediCoreErrorType.CONFLICT, code, description, extensions);
            case NOT_FOUND -> error(env, ErrorType.NOT_FOUND, code, description, extensions);
            case PERMISSION_DENIED -> error(env, ErrorType.FORBIDDEN, code, description, extensions);
            case UNAUTHENTICATED -> error(env, ErrorType.UNAUTHORIZED, code, description, extensions);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> error(env, MediCoreErrorType.UNAVAILABLE, code,
                    "a service is not answering; try again shortly", extensions);
            // A message over gRPC's size limit: sending it again would fail the same way.
            case RESOURCE_EXHAUSTED -> error(env, ErrorType.BAD_REQUEST, code,
                    "the input is too large for the service; send less at once", extensions);
            default -> {
                LOG.warn("service failed resolving {}: {}", where, status);
                yield error(env, ErrorType.INTERNAL_ERROR, "INTERNAL", "something went wrong; it has been logged", Map.of());
            }
        };
    }

    /**
     * grpc-java answers a call whose connection closed under it (the service killed while the call
     * started) as UNKNOWN "channel closed", with its transport's ClosedChannelException: the service
     * answered nothing, so the portal may try again as after any outage (each change carries its
     * idempotency key or version). The fault suite's clients treat it the same way.
     */
    private static boolean lostConnection(StatusRuntimeException failure) {
        return failure.getStatus().getCode() == Status.Code.UNKNOWN && failure.getCause() instanceof ClosedChannelException;
    }

    private static void unpack(Any detail, Map<String, Object> extensions) {
        try {
            if (detail.is(BadRequest.class)) {
                List<Map<String, String>> violations = new ArrayList<>();
                detail.unpack(BadRequest.class).getFieldViolationsList()
                        .forEach(v -> violations.add(violation(FieldPaths.toSchema(v.getField()), v.getDescription())));
                extensions.put("violations", violations);
            } else if (detail.is(PreconditionFailure.class)) {
                extensions.put("reasons", detail.unpack(PreconditionFailure.class).getViolationsList().stream()
                        .map(PreconditionFailure.Violation::getType).toList());
            } else if (detail.is(ErrorInfo.class)) {
                ErrorInfo info = detail.unpack(ErrorInfo.class);
                extensions.put("reason", info.getReason());
                extensions.putAll(info.getMetadataMap());
            }
        } catch (InvalidProtocolBufferException unreadable) {
            LOG.warn("unreadable error detail {}", detail.getTypeUrl());
        }
    }

    private static Map<String, String> violation(String field, String description) {
        return Map.of("field", field, "description", description);
    }

    private static GraphQLError error(java.util.function.Supplier<GraphqlErrorBuilder<?>> env, ErrorClassification type,
                                      String code, String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>(extensions);
        all.put("code", code);
        return env.get().errorType(type).message(message).extensions(all).build();
    }
}
