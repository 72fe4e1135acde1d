package org.medicore.billing.support;

import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Calling BillingService as a given token, and reading the status a call failed with. */
public final class GrpcCalls {

    private GrpcCalls() {
    }

    public static BillingServiceGrpc.BillingServiceBlockingStub billingAs(Channel channel, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return BillingServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    public static Status.Code codeOf(Runnable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call::run).getStatus().getCode();
    }
}
