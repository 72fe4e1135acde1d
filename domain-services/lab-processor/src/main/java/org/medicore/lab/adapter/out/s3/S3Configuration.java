package org.medicore.lab.adapter.out.s3;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration.Builder;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;

/** The object store's wiring: path-style addressing, so S3-compatible stores work as S3 does. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Configuration.Properties.class)
public class S3Configuration {

    /**
     * @param bucket    where uploads and quarantined reports live
     * @param endpoint  empty for AWS itself; the S3-compatible store's URL otherwise
     * @param accessKey empty for the default AWS credentials chain
     */
    @ConfigurationProperties("medicore.lab.s3")
    public record Properties(String bucket, String endpoint, String region, String accessKey, String secretKey) {
    }

    @Bean(destroyMethod = "close")
    S3Client labS3Client(Properties properties) {
        var builder = S3Client.builder().region(Region.of(properties.region())).credentialsProvider(credentials(properties))
                .serviceConfiguration(pathStyle());
        if (hasEndpoint(properties)) {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    S3Presigner labS3Presigner(Properties properties) {
        var builder = S3Presigner.builder().region(Region.of(properties.region())).credentialsProvider(credentials(properties))
                .serviceConfiguration(pathStyle());
        if (hasEndpoint(properties)) {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        return builder.build();
    }

    @Bean
    S3ReportObjects s3ReportObjects(S3Client labS3Client, S3Presigner labS3Presigner, Properties properties) {
        return new S3ReportObjects(labS3Client, labS3Presigner, properties.bucket());
    }

    private static software.amazon.awssdk.services.s3.S3Configuration pathStyle() {
        Builder builder = software.amazon.awssdk.services.s3.S3Configuration.builder();
        return builder.pathStyleAccessEnabled(true).build();
    }

    private static boolean hasEndpoint(Properties properties) {
        return properties.endpoint() != null && !properties.endpoint().isBlank();
    }

    private static AwsCredentialsProvider credentials(Properties properties) {
        return properties.accessKey() == null || properties.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
    }

    @Bean
    @ConditionalOnWebApplication
    HealthIndicator reportBucketHealthIndicator(S3Client labS3Client, Properties properties) {
        return () -> {
            try {
                labS3Client.headBucket(request -> request.bucket(properties.bucket()));
                return Health.up().withDetail("bucket", properties.bucket()).build();
            } catch (RuntimeException unreachable) {
                return Health.down().withDetail("bucket", properties.bucket())
                        .withDetail("error", unreachable.getClass().getSimpleName()).build();
            }
        };
    }
}
