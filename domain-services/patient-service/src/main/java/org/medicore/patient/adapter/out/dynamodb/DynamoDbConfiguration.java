package org.medicore.patient.adapter.out.dynamodb;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.medicore.support.dynamodb.DynamoDbClients;
import org.medicore.support.health.DynamoDbTableHealth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB adapter's wiring; the table is created at start if missing. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoDbConfiguration.Properties.class)
public class DynamoDbConfiguration {

    /**
     * @param table     the single table of patient-service
     * @param endpoint  empty for AWS itself; DynamoDB Local's URL otherwise
     * @param accessKey empty for the default AWS credentials chain
     */
    @ConfigurationProperties("medicore.patient.dynamodb")
    public record Properties(String table, String endpoint, String region, String accessKey, String secretKey) {
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(Properties properties) {
        return DynamoDbClients.create(properties.region(), properties.endpoint(), properties.accessKey(),
                properties.secretKey());
    }

    @Bean
    DynamoDbPatientStore dynamoDbPatientStore(DynamoDbClient dynamoDbClient, Properties properties) {
        PatientTable.createIfMissing(dynamoDbClient, properties.table());
        return new DynamoDbPatientStore(dynamoDbClient, properties.table());
    }

    /** Same table: asking for the patient store first makes sure the table exists. */
    @Bean
    DynamoDbClinicalStore dynamoDbClinicalStore(DynamoDbClient dynamoDbClient, Properties properties,
                                                DynamoDbPatientStore createsTheTable) {
        return new DynamoDbClinicalStore(dynamoDbClient, properties.table());
    }

    @Bean
    DynamoDbErasureRequests dynamoDbErasureRequests(DynamoDbClient dynamoDbClient, Properties properties,
                                                    DynamoDbPatientStore createsTheTable) {
        return new DynamoDbErasureRequests(dynamoDbClient, properties.table());
    }

    @Bean
    DynamoDbPatientErasure dynamoDbPatientErasure(DynamoDbClient dynamoDbClient, Properties properties,
                                                  DynamoDbPatientStore createsTheTable) {
        return new DynamoDbPatientErasure(dynamoDbClient, properties.table());
    }

    @Bean
    HealthIndicator patientTableHealthIndicator(DynamoDbClient dynamoDbClient, Properties properties) {
        return new DynamoDbTableHealth(dynamoDbClient, properties.table());
    }
}
