package org.medicore.patient.adapter.in.grpc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.patient.PatientServiceClient;
import org.medicore.patient.RealComponentsTest;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

/** The endpoint tests: each test gets a fresh channel to the service's real port. */
abstract class EndpointOverRealChannelTest extends RealComponentsTest {

    @LocalGrpcServerPort
    private int port;
    protected PatientServiceClient client;

    @BeforeEach
    void connect() {
        client = new PatientServiceClient(port);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    protected PatientServiceGrpc.PatientServiceBlockingStub as(String token) {
        return client.as(token);
    }
}
