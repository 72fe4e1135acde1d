package org.medicore.notification.adapter.out.aws;

import org.medicore.notification.config.NotificationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.URI;
import java.time.Duration;

/**
 * The channels' AWS clients, made only for the provider chosen (medicore.notification.mail.provider ses,
 * sms.provider sns), and how they are built: a region, an endpoint when not the region's, the SDK's
 * default credentials (the pod's IAM role), and no retries of the SDK's own. A delivery holds its message's row lock while it sends; a provider's
 * refusal worth retrying goes back to the delivery round, which tries again later with growing delays
 * and without holding anything. The time limits match the SMTP ones (5 s to connect, 10 s in all).
 */
@Configuration(proxyBeanMethods = false)
public class AwsClientConfiguration {

    @Bean
    @ConditionalOnProperty(name = "medicore.notification.mail.provider", havingValue = "ses")
    SesV2Client sesClient(NotificationProperties properties) {
        NotificationProperties.Ses ses = properties.mail().ses();
        return build(SesV2Client.builder(), ses.region(), ses.endpoint(), DefaultCredentialsProvider.builder().build());
    }

    @Bean
    @ConditionalOnProperty(name = "medicore.notification.sms.provider", havingValue = "sns")
    SnsClient snsClient(NotificationProperties properties) {
        NotificationProperties.Sns sns = properties.sms().sns();
        return build(SnsClient.builder(), sns.region(), sns.endpoint(), DefaultCredentialsProvider.builder().build());
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
