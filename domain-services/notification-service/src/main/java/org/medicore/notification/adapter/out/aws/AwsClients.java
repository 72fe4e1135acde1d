package org.medicore.notification.adapter.out.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;

/**
 * How the channels' AWS clients are built: a region, an endpoint when not the region's, and no
 * retries of the SDK's own. A delivery holds its message's row lock while it sends; a provider's
 * refusal worth retrying goes back to the delivery round, which tries again later with growing delays
 * and without holding anything. The time limits match the SMTP ones (5 s to connect, 10 s in all).
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String region, URI endpoint, AwsCredentialsProvider credentials) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(10)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** "SES 400 MessageRejected: Email address is not verified." as staff read it in the list. */
    public static String reasonOf(String service, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "?" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        return service + " " + e.statusCode() + " " + code + ": " + message;
    }
}
