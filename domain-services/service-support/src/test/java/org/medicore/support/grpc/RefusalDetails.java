package org.medicore.support.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import java.util.List;

/**
 * What a test reads out of a gRPC refusal: its {@code google.rpc} details, above all the fields a
 * BadRequest names. Shared through service-support's test-jar, so every module's tests read a
 * refusal the way {@link GrpcErrors} writes it.
 */
public final class RefusalDetails {

    private RefusalDetails() {
    }

    /** The field violations of the refusal's BadRequest detail, in order; fails the test when there is none. */
    public static List<BadRequest.FieldViolation> violations(StatusRuntimeException refused) {
        return detail(refused, BadRequest.class).getFieldViolationsList();
    }

    /** The fields the refusal's BadRequest detail names, in order. */
    public static List<String> violatedFields(StatusRuntimeException refused) {
        return violations(refused).stream().map(BadRequest.FieldViolation::getField).toList();
    }

    /** The first field the refusal's BadRequest detail names. */
    public static String violatedField(StatusRuntimeException refused) {
        List<String> fields = violatedFields(refused);
        if (fields.isEmpty()) {
            throw new AssertionError("a BadRequest without field violations in " + refused.getStatus());
        }
        return fields.getFirst();
    }

    /** The {@code google.rpc} detail of {@code type} in a refusal; fails the test when there is none. */
    public static <T extends Message> T detail(StatusRuntimeException refused, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(refused);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status in " + refused.getStatus());
        }
        return status.getDetailsList().stream().filter(any -> any.is(type)).findFirst()
                .map(any -> {
                    try {
                        return any.unpack(type);
                    } catch (InvalidProtocolBufferException unreadable) {
                        throw new AssertionError(unreadable);
                    }
                }).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + status));
    }
}
