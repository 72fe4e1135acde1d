package org.medicore.support.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.medicore.support.port.FieldViolation;
import org.medicore.support.port.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * The one way a service's refusal becomes a gRPC status: the code the contracts promise and the
 * google.rpc detail a client reads it from (field violations, the broken rule, the missing or
 * existing resource, the current version). Every text that may come from the caller is cut to
 * {@value #SHOWN} characters here, so no refusal repeats unbounded input or outgrows a header.
 */
public final class GrpcErrors {

    static final int SHOWN = 120;
    static final int LISTED = 20;
    static final int RETRY_AFTER_SECONDS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static StatusRuntimeException invalid(String field, String description) {
        return invalid(List.of(new FieldViolation(field, description)));
    }

    /**
     * INVALID_ARGUMENT with one {@link BadRequest} violation per field, the first {@value #LISTED}
     * of them: a request with ten thousand bad elements must not make a status larger than a
     * header may be; the message says how many more there are.
     */
    public static StatusRuntimeException invalid(List<FieldViolation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        violations.stream().limit(LISTED).forEach(violation -> details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(shown(violation.field())).setDescription(shown(violation.description()))));
        List<String> fields = violations.stream().map(violation -> shown(violation.field())).distinct().toList();
        String more = fields.size() > LISTED ? " and " + (fields.size() - LISTED) + " more" : "";
        String message = violations.size() == 1
                ? shown(violations.getFirst().field()) + ": " + shown(violations.getFirst().description())
                : "invalid fields: " + String.join(", ", fields.subList(0, Math.min(LISTED, fields.size()))) + more;
        return status(Code.INVALID_ARGUMENT, message, details.build());
    }

    /**
     * A use case's refusal as the caller hears it, the same from every service: each kind of
     * {@link Refusal} is one status; a stale version's {@code ErrorInfo} names {@code domain}.
     */
    public static StatusRuntimeException refused(Refusal refusal, String domain) {
        return switch (refusal) {
            case Refusal.Invalid invalid -> invalid(invalid.violations());
            case Refusal.NotFound notFound -> notFound(notFound.resourceType(), notFound.id(), noun(notFound.resourceType()));
            case Refusal.Denied denied -> permissionDenied(denied.reason());
            case Refusal.Stale stale -> staleVersion(domain, stale.currentVersion(), "the resource changed; re-read and retry");
            case Refusal.Forbidden forbidden -> failedPrecondition(forbidden.rule(), forbidden.subject(), forbidden.description());
            case Refusal.Conflict conflict -> precondition(Code.ABORTED, conflict.rule(), conflict.subject(), conflict.description());
            case Refusal.AlreadyExists exists -> alreadyExists(exists.resourceType(), exists.existingId(), exists.description());
        };
    }

    /** NOT_FOUND; {@code noun} is how a person calls the resource in the message ("no patient …"). */
    public static StatusRuntimeException notFound(String resourceType, String id, String noun) {
        return status(Code.NOT_FOUND, "no " + noun + " " + shown(id),
                ResourceInfo.newBuilder().setResourceType(resourceType).setResourceName(shown(id)).build());
    }

    public static StatusRuntimeException alreadyExists(String resourceType, String existingId, String why) {
        return status(Code.ALREADY_EXISTS, why + ": " + resourceType + " " + existingId,
                ResourceInfo.newBuilder().setResourceType(resourceType).setResourceName(existingId).setDescription(why).build());
    }

    /** FAILED_PRECONDITION: the current state forbids the call; {@code rule} is the type the contract lists. */
    public static StatusRuntimeException failedPrecondition(String rule, String subject, String description) {
        return precondition(Code.FAILED_PRECONDITION, rule, subject, description);
    }

    /** FAILED_PRECONDITION, or ABORTED when re-reading may help: the rule broken as the contract lists it. */
    private static StatusRuntimeException precondition(Code code, String rule, String subject, String description) {
        return status(code, description, PreconditionFailure.newBuilder()
                .addViolations(PreconditionFailure.Violation.newBuilder().setType(rule).setSubject(subject)
                        .setDescription(description)).build());
    }

    /** ABORTED: the resource changed since the caller read it; re-read {@code currentVersion} and retry. */
    public static StatusRuntimeException staleVersion(String domain, long currentVersion, String message) {
        return status(Code.ABORTED, message, ErrorInfo.newBuilder().setReason("STALE_VERSION").setDomain(domain)
                .putMetadata("current_version", Long.toString(currentVersion)).build());
    }

    /**
     * ABORTED: another change to the same records was being made at the same moment (often the caller's own
     * retry racing its first try); nothing was changed by this call and the same call may be tried again.
     */
    public static StatusRuntimeException concurrentChange() {
        return status(Code.ABORTED, "another change to the same record was being made at the same moment; nothing was "
                + "changed by this call, try again");
    }

    public static StatusRuntimeException permissionDenied(String message) {
        return status(Code.PERMISSION_DENIED, message);
    }

    /** What the caller cannot fix; the cause is in the service's log, never in the answer. */
    public static StatusRuntimeException internal() {
        return status(Code.INTERNAL, "internal error");
    }

    /**
     * UNAVAILABLE with a {@link RetryInfo} of {@value #RETRY_AFTER_SECONDS} s: a store the service
     * needs is down, nothing was changed, and the same call may succeed later.
     */
    public static StatusRuntimeException unavailable() {
        return status(Code.UNAVAILABLE, "a store this service needs cannot be reached; nothing was changed, try again shortly",
                RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(RETRY_AFTER_SECONDS)).build());
    }

    /**
     * An unexpected failure as the caller sees it, and as the log tells it, once: a store that is down
     * ({@link Outages}) is {@link #unavailable()} and one WARN line, since while PostgreSQL restarts every
     * call fails alike and a stack trace each would bury the log; a change that met a concurrent one
     * ({@link ConcurrentChanges}) is {@link #concurrentChange()} and one WARN line; anything else is
     * {@link #internal()} and an ERROR with the stack, a fault of the service someone has to find.
     */
    public static StatusRuntimeException ofFailure(Throwable failure) {
        if (Outages.isOutage(failure)) {
            LOG.warn("a call failed because a store is unreachable: {}", failure.toString().replaceAll("\\R", " "));
            return unavailable();
        }
        if (ConcurrentChanges.isConcurrentChange(failure)) {
            LOG.warn("a call met a concurrent change to the same records: {}", failure.toString().replaceAll("\\R", " "));
            return concurrentChange();
        }
        LOG.error("a call failed", failure);
        return internal();
    }

    /** A status of a code the helpers above do not cover, such as ABORTED with the rule a contract names. */
    public static StatusRuntimeException status(Code code, String message, Message... details) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message);
        for (Message detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /**
     * How a person calls a resource: a message name of the contracts in words
     * ({@code medicore.patient.v1.HistoryEntry} is "history entry"), any other name as it is.
     */
    static String noun(String resourceType) {
        int dot = resourceType.lastIndexOf('.');
        if (dot < 0) {
            return resourceType;
        }
        return resourceType.substring(dot + 1).replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }
}
