package org.medicore.patient;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;

/** A real gRPC channel to the service under test, with stubs that carry a bearer token. */
public final class PatientServiceClient implements AutoCloseable {

    private final ManagedChannel channel;

    public PatientServiceClient(int port) {
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
    }

    public PatientServiceGrpc.PatientServiceBlockingStub as(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return anonymous().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    public PatientServiceGrpc.PatientServiceBlockingStub anonymous() {
        return PatientServiceGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }

    /** The google.rpc detail of {@code type} in a refusal; fails the test when there is none. */
    public static <T extends Message> T detail(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status in " + e);
        }
        return status.getDetailsList().stream().filter(any -> any.is(type)).findFirst()
                .map(any -> {
                    try {
                        return any.unpack(type);
                    } catch (InvalidProtocolBufferException ex) {
                        throw new AssertionError(ex);
                    }
                }).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + status));
    }
}
