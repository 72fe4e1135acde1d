package org.medicore.fhir.grpc;

import io.grpc.Grpc;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.support.health.ChannelHealth;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One long-lived channel per service the FHIR resources come from, every call observed (a timer per
 * RPC and the trace context carried to the service), each service's reachability in the readiness.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceTargets.class)
class GrpcClientConfiguration {

    @Bean(destroyMethod = "shutdown")
    ManagedChannel patientServiceChannel(ServiceTargets targets, ObservationRegistry observations, ChannelCredentials tls) {
        return channel(targets.patient(), tls, observations);
    }

    @Bean(destroyMethod = "shutdown")
    ManagedChannel appointmentServiceChannel(ServiceTargets targets, ObservationRegistry observations, ChannelCredentials tls) {
        return channel(targets.appointment(), tls, observations);
    }

    @Bean(destroyMethod = "shutdown")
    ManagedChannel labServiceChannel(ServiceTargets targets, ObservationRegistry observations, ChannelCredentials tls) {
        return channel(targets.lab(), tls, observations);
    }

    @Bean(destroyMethod = "shutdown")
    ManagedChannel billingServiceChannel(ServiceTargets targets, ObservationRegistry observations, ChannelCredentials tls) {
        return channel(targets.billing(), tls, observations);
    }

    @Bean
    ClinicRecords clinicRecords(ManagedChannel patientServiceChannel, ManagedChannel appointmentServiceChannel,
                                ManagedChannel labServiceChannel, ManagedChannel billingServiceChannel, ServiceTargets targets) {
        return new GrpcClinicRecords(patientServiceChannel, appointmentServiceChannel, labServiceChannel, billingServiceChannel,
                targets.deadline());
    }

    @Bean
    HealthIndicator billingServiceHealthIndicator(ManagedChannel billingServiceChannel, ServiceTargets targets) {
        return new ChannelHealth(billingServiceChannel, targets.billing());
    }

    @Bean
    HealthIndicator labServiceHealthIndicator(ManagedChannel labServiceChannel, ServiceTargets targets) {
        return new ChannelHealth(labServiceChannel, targets.lab());
    }

    @Bean
    HealthIndicator patientServiceHealthIndicator(ManagedChannel patientServiceChannel, ServiceTargets targets) {
        return new ChannelHealth(patientServiceChannel, targets.patient());
    }

    @Bean
    HealthIndicator appointmentServiceHealthIndicator(ManagedChannel appointmentServiceChannel, ServiceTargets targets) {
        return new ChannelHealth(appointmentServiceChannel, targets.appointment());
    }

    private static ManagedChannel channel(String target, ChannelCredentials tls, ObservationRegistry observations) {
        return Grpc.newChannelBuilder(target, tls)
                .intercept(new ObservationGrpcClientInterceptor(observations))
                .build();
    }
}
