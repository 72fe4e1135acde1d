package org.medicore.fhir.s3;

import org.medicore.fhir.export.ExportFiles;
import org.medicore.fhir.records.LinkedFiles;
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
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** The bucket of the export files, and the way to other services' presigned links: path-style addressing, so S3-compatible stores work as S3 does. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Configuration.ExportBucket.class)
class S3Configuration {

    /**
     * @param bucket    where export files are kept (a lifecycle rule may remove them after a day)
     * @param endpoint  empty for AWS itself; the S3-compatible store's URL otherwise
     * @param accessKey empty for the default AWS credentials chain
     */
    @ConfigurationProperties("medicore.fhir.export.s3")
    record ExportBucket(String bucket, String endpoint, String region, String accessKey, String secretKey) {

        Optional<URI> endpointUri() {
            return endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint));
        }

        AwsCredentialsProvider credentials() {
            return accessKey == null || accessKey.isBlank()
                    ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
    }

    @Bean(destroyMethod = "close")
    S3Client exportS3Client(ExportBucket bucket) {
        var client = S3Client.builder().region(Region.of(bucket.region())).credentialsProvider(bucket.credentials())
                .forcePathStyle(true);
        bucket.endpointUri().ifPresent(client::endpointOverride);
        return client.build();
    }

    @Bean(destroyMethod = "close")
    S3Presigner exportS3Presigner(ExportBucket bucket) {
        var presigner = S3Presigner.builder().region(Region.of(bucket.region())).credentialsProvider(bucket.credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build());
        bucket.endpointUri().ifPresent(presigner::endpointOverride);
        return presigner.build();
    }

    /** The services' presigned links (a lab report's PDF) point at their own buckets: no AWS client is needed to follow them. */
    @Bean
    LinkedFiles linkedFiles() {
        return new PresignedLinks(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(30));
    }

    @Bean
    ExportFiles exportFiles(S3Client exportS3Client, S3Presigner exportS3Presigner, ExportBucket bucket) {
        return new S3ExportFiles(exportS3Client, exportS3Presigner, bucket.bucket());
    }
}
