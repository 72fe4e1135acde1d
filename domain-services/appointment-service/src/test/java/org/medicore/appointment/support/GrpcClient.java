package org.medicore.appointment.support;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc.AppointmentServiceBlockingStub;

/** A plaintext channel to the service under test; {@code as(token)} calls with a bearer token. */
public final class GrpcClient implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;

    public GrpcClient(int port) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    public AppointmentServiceBlockingStub as(String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return anonymous().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    public AppointmentServiceBlockingStub anonymous() {
        return AppointmentServiceGrpc.newBlockingStub(channel);
    }

    /** The status the call failed with; an assertion error when it succeeded. */
    public static StatusRuntimeException statusOf(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
