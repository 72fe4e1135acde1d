package org.medicore.patient;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;

/** A real gRPC channel to the service under test, with stubs that carry a bearer token. */
public final class PatientServiceClient implements AutoCloseable {

    private final ManagedChannel channel;

    public PatientServiceClient(int port) {
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
    }

    public PatientServiceGrpc.PatientServiceBlockingStub as(String token) {
        return anonymous().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    }

    public ErasureServiceGrpc.ErasureServiceBlockingStub erasureAs(String token) {
        return ErasureServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    }

    private static Metadata bearer(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return headers;
    }

    public PatientServiceGrpc.PatientServiceBlockingStub anonymous() {
        return PatientServiceGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
