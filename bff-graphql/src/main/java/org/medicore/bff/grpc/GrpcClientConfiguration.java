package org.medicore.bff.grpc;

import io.grpc.ClientInterceptor;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.health.contributor.HealthIndicator;
import io.grpc.Grpc;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Channels to the domain services. Reads (Get, List, Batch, Search) are retried on UNAVAILABLE
 * by the channel's service config; changes are not, since a retried change could apply twice —
 * those carry idempotency keys instead, so the portal may repeat them safely.
 */
@Configuration
@EnableConfigurationProperties(ServiceTargets.class)
class GrpcClientConfiguration {

    private static final Map<String, List<String>> READS = Map.of(
            "medicore.patient.v1.PatientService", List.of("GetPatient", "BatchGetPatients", "SearchPatients", "ListHistory", "ListLabResults"),
            "medicore.patient.v1.ErasureService", List.of("GetErasureRequest", "ListPendingErasureRequests"),
            "medicore.appointment.v1.AppointmentService", List.of("GetPractitioner", "ListPractitioners", "GetWorkingHours",
                    "ListFreeSlots", "GetAppointment", "ListAppointmentsByPatient", "ListAppointmentsByPractitionerDay",
                    "BatchGetPractitioners", "BatchGetAppointments", "BatchListAppointmentsByPatients"),
            "medicore.billing.v1.BillingService", List.of("GetBillingAccount", "GetFeeSchedule", "GetInvoice",
                    "ListInvoicesByPatient", "BatchListInvoicesByPatients", "BatchGetInvoicesByAppointments"),
            "medicore.lab.v1.LabService", List.of("GetReportStatus", "GetReportDownloadUrl", "ListResultsByPatient",
                    "ListReportsByPatient"),
            "medicore.notification.v1.NotificationService", List.of("ListNotifications"));

    @Bean
    RpcCounter rpcCounter() {
        return new RpcCounter();
    }

    /** Every call is observed: a timer per RPC and status, and the trace context carried to the service. */
    @Bean(destroyMethod = "shutdown")
    ServiceChannels serviceChannels(ServiceTargets targets, RpcCounter counter, ObservationRegistry observations,
                                    ChannelCredentials tls) {
        ClientInterceptor observed = new ObservationGrpcClientInterceptor(observations);
        return new ServiceChannels(channel(targets.patient(), tls, counter, observed), channel(targets.appointment(), tls, counter, observed),
                channel(targets.billing(), tls, counter, observed), channel(targets.lab(), tls, counter, observed),
                channel(targets.notification(), tls, counter, observed));
    }

    @Bean
    HealthIndicator servicesHealthIndicator(ServiceChannels channels) {
        return new ServicesHealth(Map.of("patient-service", channels.patient(), "appointment-service", channels.appointment(),
                "billing-service", channels.billing(), "lab-processor", channels.lab(),
                "notification-service", channels.notification()));
    }

    @Bean
    ServiceStubs serviceStubs(ServiceChannels channels, ServiceTargets targets, RelayCredentials relay) {
        return new ServiceStubs(channels, targets.deadline(), relay);
    }

    private static ManagedChannel channel(String target, ChannelCredentials credentials, RpcCounter counter,
                                          ClientInterceptor observed) {
        return Grpc.newChannelBuilder(target, credentials)
                .defaultServiceConfig(retryReads())
                .enableRetry()
                .intercept(counter, observed)
                .build();
    }

    private static Map<String, Object> retryReads() {
        List<Map<String, Object>> names = READS.entrySet().stream()
                .flatMap(service -> service.getValue().stream()
                        .map(method -> Map.<String, Object>of("service", service.getKey(), "method", method)))
                .toList();
        Map<String, Object> retryPolicy = Map.of(
                "maxAttempts", 3.0,
                "initialBackoff", "0.1s",
                "maxBackoff", "1s",
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE"));
        return Map.of("methodConfig", List.of(Map.of("name", names, "retryPolicy", retryPolicy)));
    }
}
