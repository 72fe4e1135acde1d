package org.medicore.appointment.adapter.in.grpc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.application.port.in.ViewAppointments;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.security.BearerTokenCheck;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A call the use case fails, as the endpoint answers and logs it: while PostgreSQL is down every call
 * fails alike, so an outage is one WARN line (no stack trace) and UNAVAILABLE; a fault of the service
 * an ERROR with its stack and INTERNAL. The use case is a fake that throws what the test says.
 */
class FailedCallLogTest {

    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Logger errors = (Logger) LoggerFactory.getLogger(GrpcErrors.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void serve() throws IOException {
        ViewAppointments failing = (ViewAppointments) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ViewAppointments.class}, (proxy, method, arguments) -> {
                    throw failure.get();
                });
        AppointmentEndpoint endpoint = new AppointmentEndpoint(null, null, failing, null, null);
        String name = "appointments-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(endpoint, new BearerTokenCheck(FailedCallLogTest::doctor)))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        logged.start();
        errors.addAppender(logged);
    }

    @AfterEach
    void stop() {
        errors.detachAppender(logged);
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void a_call_that_meets_a_database_outage_is_unavailable_and_one_warning_line() {
        failure.set(new IllegalStateException("the query failed",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms")));

        assertThat(statusOfGetAppointment()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void a_call_that_fails_for_any_other_reason_is_internal_and_an_error_with_its_stack() {
        failure.set(new NullPointerException("appointment.practitioner()"));

        assertThat(statusOfGetAppointment()).isEqualTo(Status.Code.INTERNAL);
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy()).isNotNull();
        });
    }

    private Status.Code statusOfGetAppointment() {
        Metadata token = new Metadata();
        token.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer a-doctors-token");
        var appointments = AppointmentServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token));
        return catchThrowableOfType(StatusRuntimeException.class, () -> appointments.getAppointment(
                GetAppointmentRequest.newBuilder().setAppointmentId(UUID.randomUUID().toString()).build()))
                .getStatus().getCode();
    }

    private static Jwt doctor(String token) {
        return Jwt.withTokenValue(token).header("alg", "none").subject("doctor-1")
                .claim("realm_access", Map.of("roles", List.of("DOCTOR"))).build();
    }
}
