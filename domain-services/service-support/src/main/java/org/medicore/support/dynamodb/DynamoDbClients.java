package org.medicore.support.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;

/** The DynamoDB client of a service: AWS itself with its default credentials, or DynamoDB Local with a fixed key. */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /**
     * With the SDK's standard retries (3 attempts, jittered backoff): DynamoDB's own default
     * makes 9 attempts, which while the table cannot be reached held a call past its caller's 5 s
     * deadline (the fault suite's DynamoDB outage) instead of refusing it as UNAVAILABLE in time.
     *
     * @param endpoint  empty for AWS itself; DynamoDB Local's URL otherwise
     * @param accessKey empty for the default AWS credentials chain
     */
    public static DynamoDbClient create(String region, String endpoint, String accessKey, String secretKey) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of(region))
                .overrideConfiguration(configuration -> configuration.retryStrategy(RetryMode.STANDARD));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.credentialsProvider(accessKey == null || accessKey.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return builder.build();
    }
}
