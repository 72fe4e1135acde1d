package org.medicore.notification.support;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medicore.support.grpc.RefusalDetails;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.localstack.TestTokens;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The running service called over a real gRPC channel, opened for each test, as any subject in any
 * realm role ({@link TestTokens}); and what a refusal says.
 */
public abstract class CallingTheService extends RunningNotificationService {

    @LocalGrpcServerPort
    protected int grpcPort;

    protected ManagedChannel channel;

    @BeforeEach
    void openChannel() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    protected NotificationServiceGrpc.NotificationServiceBlockingStub as(String subject, String role) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + TestTokens.forSubject(subject, role));
        return NotificationServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    protected static Status.Code codeOf(Runnable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    /** The fields a call refused as INVALID_ARGUMENT names, in order. */
    protected static List<String> violatedFields(Runnable call) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return RefusalDetails.violatedFields(refused);
    }
}
