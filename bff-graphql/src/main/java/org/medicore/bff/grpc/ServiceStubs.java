package org.medicore.bff.grpc;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Blocking stubs of the domain services for one caller: their token in {@code authorization},
 * their address in {@code x-forwarded-for} with the BFF's own token in
 * {@code x-medicore-relay-authorization} to vouch for it, and a deadline on every call.
 */
public final class ServiceStubs {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> FORWARDED_FOR = Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> RELAY_AUTHORIZATION =
            Metadata.Key.of("x-medicore-relay-authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ServiceChannels channels;
    private final Duration deadline;
    private final RelayCredentials relay;

    ServiceStubs(ServiceChannels channels, Duration deadline, RelayCredentials relay) {
        this.channels = channels;
        this.deadline = deadline;
        this.relay = relay;
    }

    public PatientServiceGrpc.PatientServiceBlockingStub patients(Caller caller) {
        return forCaller(PatientServiceGrpc.newBlockingStub(channels.patient()), caller);
    }

    /** patient-service's erasure requests, on the patient channel. */
    public ErasureServiceGrpc.ErasureServiceBlockingStub erasures(Caller caller) {
        return forCaller(ErasureServiceGrpc.newBlockingStub(channels.patient()), caller);
    }

    public AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments(Caller caller) {
        return forCaller(AppointmentServiceGrpc.newBlockingStub(channels.appointment()), caller);
    }

    public BillingServiceGrpc.BillingServiceBlockingStub billing(Caller caller) {
        return forCaller(BillingServiceGrpc.newBlockingStub(channels.billing()), caller);
    }

    public LabServiceGrpc.LabServiceBlockingStub labs(Caller caller) {
        return forCaller(LabServiceGrpc.newBlockingStub(channels.lab()), caller);
    }

    public NotificationServiceGrpc.NotificationServiceBlockingStub notifications(Caller caller) {
        return forCaller(NotificationServiceGrpc.newBlockingStub(channels.notification()), caller);
    }

    private <S extends AbstractStub<S>> S forCaller(S stub, Caller caller) {
        Metadata headers = new Metadata();
        caller.bearerToken().ifPresent(token -> headers.put(AUTHORIZATION, "Bearer " + token));
        caller.clientAddress().ifPresent(address -> {
            headers.put(FORWARDED_FOR, address);
            relay.token().ifPresent(token -> headers.put(RELAY_AUTHORIZATION, "Bearer " + token));
        });
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
