package org.medicore.notification.adapter.out.patient;

import io.grpc.Grpc;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.support.security.ClientCredentialsTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** The patient-service client's wiring: one channel, a confidential client's credentials. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientClientConfiguration.Properties.class)
public class PatientClientConfiguration {

    /**
     * @param target        patient-service's gRPC address, e.g. {@code 127.0.0.1:9091}
     * @param tokenEndpoint Keycloak's token endpoint of realm medicore
     * @param clientId      a client whose service account may read demographics (client-credentials grant)
     * @param deadline      per call
     */
    @ConfigurationProperties("medicore.notification.patient-service")
    public record Properties(String target, String tokenEndpoint, String clientId, String clientSecret, Duration deadline) {
    }

    @Bean(destroyMethod = "shutdownNow")
    ManagedChannel patientServiceChannel(Properties properties, ChannelCredentials serviceChannelCredentials) {
        return Grpc.newChannelBuilder(properties.target(), serviceChannelCredentials).build();
    }

    @Bean
    PatientServiceContacts patientServiceContacts(ManagedChannel patientServiceChannel, Properties properties, Clock clock) {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(URI.create(properties.tokenEndpoint()),
                properties.clientId(), properties.clientSecret(), clock);
        return new PatientServiceContacts(PatientServiceGrpc.newBlockingStub(patientServiceChannel)
                .withCallCredentials(tokens.asCallCredentials()), properties.deadline());
    }
}
