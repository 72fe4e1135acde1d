package org.medicore.lab.adapter.out.patient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.medicore.support.health.ChannelHealth;
import org.medicore.support.security.ClientCredentialsTokens;
import io.grpc.Grpc;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The patient-service client's wiring: one channel, the partner client's credentials. The channel's
 * TLS is service-support's ChannelTls: in the pods the SSL bundle of medicore.grpc.client.ssl-bundle,
 * in the Lambda (outside the cluster, no files of cert-manager's) the certificate read from Secrets
 * Manager at cold start; with neither, plaintext as the local stack runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientClientConfiguration.Properties.class)
public class PatientClientConfiguration {

    /**
     * @param target        patient-service's gRPC address, e.g. {@code 127.0.0.1:9091}
     * @param tokenEndpoint Keycloak's token endpoint of realm medicore
     * @param clientId      the partner client (client-credentials grant)
     * @param deadline      per call
     * @param clientCertificateSecret the Secrets Manager secret (ARN) of the Lambda's client certificate; empty: the
     *                      credentials of ChannelTls
     * @param authority     the name patient-service's certificate carries, when the target is another
     *                      address of it (the Lambda's internal balancer); empty: the target's host
     */
    @ConfigurationProperties("medicore.lab.patient-service")
    public record Properties(String target, String tokenEndpoint, String clientId, String clientSecret, Duration deadline,
                             String clientCertificateSecret, String authority) {
    }

    @Bean(destroyMethod = "shutdownNow")
    ManagedChannel patientServiceChannel(Properties properties, ChannelCredentials serviceChannelCredentials,
                                         ObjectProvider<ClientCertificate> clientCertificate) {
        ClientCertificate fromSecret = clientCertificate.getIfAvailable();
        return channel(properties, fromSecret != null ? fromSecret.mutualTls() : serviceChannelCredentials);
    }

    private static ManagedChannel channel(Properties properties, ChannelCredentials credentials) {
        var channel = Grpc.newChannelBuilder(properties.target(), credentials);
        if (properties.authority() != null && !properties.authority().isBlank()) {
            channel.overrideAuthority(properties.authority());
        }
        return channel.build();
    }

    /**
     * Only where a secret is named (the Lambda), the one place that asks: the SDK's region and
     * credentials, which Lambda gives its function, and the certificate the channel then uses.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${medicore.lab.patient-service.client-certificate-secret:}'.isBlank()")
    static class FromSecretsManager {

        @Bean(destroyMethod = "close")
        SecretsManagerClient clientCertificateSecrets() {
            return SecretsManagerClient.create();
        }

        @Bean
        ClientCertificate secretsManagerClientCertificate(SecretsManagerClient clientCertificateSecrets, Properties properties) {
            return new SecretsManagerClientCertificate(clientCertificateSecrets, properties.clientCertificateSecret());
        }
    }

    @Bean
    PatientServiceClient patientServiceClient(ManagedChannel patientServiceChannel, Properties properties, Clock clock) {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(URI.create(properties.tokenEndpoint()), properties.clientId(),
                properties.clientSecret(), clock);
        return new PatientServiceClient(PatientServiceGrpc.newBlockingStub(patientServiceChannel), tokens,
                properties.deadline());
    }

    @Bean
    @ConditionalOnWebApplication
    HealthIndicator patientServiceHealthIndicator(ManagedChannel patientServiceChannel, Properties properties) {
        return new ChannelHealth(patientServiceChannel, properties.target());
    }
}
