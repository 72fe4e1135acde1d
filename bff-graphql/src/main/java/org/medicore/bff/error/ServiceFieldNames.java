package org.medicore.bff.error;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import java.util.function.UnaryOperator;

/**
 * A service names a bad field as its request message does ({@code reject.reason},
 * {@code erasure_request_id}); where the schema's argument is named otherwise, the resolver renames
 * the violations once, here, before {@link GraphQlErrors} turns them into the schema's spelling.
 */
public final class ServiceFieldNames {

    private ServiceFieldNames() {
    }

    public static StatusRuntimeException renamed(StatusRuntimeException e, UnaryOperator<String> rename) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT || status == null) {
            return e;
        }
        com.google.rpc.Status.Builder renamed = status.toBuilder().clearDetails();
        for (Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    BadRequest.Builder fields = detail.unpack(BadRequest.class).toBuilder();
                    fields.getFieldViolationsBuilderList().forEach(v -> v.setField(rename.apply(v.getField())));
                    renamed.addDetails(Any.pack(fields.build()));
                } catch (InvalidProtocolBufferException unreadable) {
                    renamed.addDetails(detail);
                }
            } else {
                renamed.addDetails(detail);
            }
        }
        return StatusProto.toStatusRuntimeException(renamed.build());
    }
}
