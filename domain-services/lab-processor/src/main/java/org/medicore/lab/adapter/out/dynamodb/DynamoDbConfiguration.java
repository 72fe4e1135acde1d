package org.medicore.lab.adapter.out.dynamodb;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.medicore.support.dynamodb.DynamoDbClients;
import org.medicore.support.health.DynamoDbTableHealth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The report table's wiring; the table is created at start if missing. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoDbConfiguration.Properties.class)
public class DynamoDbConfiguration {

    /**
     * @param table     reports and their outbox
     * @param endpoint  empty for AWS itself; DynamoDB Local's URL otherwise
     * @param accessKey empty for the default AWS credentials chain
     */
    @ConfigurationProperties("medicore.lab.dynamodb")
    public record Properties(String table, String endpoint, String region, String accessKey, String secretKey) {
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient labDynamoDbClient(Properties properties) {
        return DynamoDbClients.create(properties.region(), properties.endpoint(), properties.accessKey(),
                properties.secretKey());
    }

    @Bean
    DynamoDbReportStore dynamoDbReportStore(DynamoDbClient labDynamoDbClient, Properties properties) {
        ReportTable.createIfMissing(labDynamoDbClient, properties.table());
        return new DynamoDbReportStore(labDynamoDbClient, properties.table());
    }

    /** Health is asked over HTTP; the Lambda handler, which serves none, skips it. */
    @Bean
    @ConditionalOnWebApplication
    HealthIndicator reportTableHealthIndicator(DynamoDbClient labDynamoDbClient, Properties properties) {
        return new DynamoDbTableHealth(labDynamoDbClient, properties.table());
    }
}
