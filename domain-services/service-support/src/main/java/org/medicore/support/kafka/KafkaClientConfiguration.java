package org.medicore.support.kafka;

import org.medicore.support.health.KafkaBrokerHealth;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Makes {@link KafkaClientSettings} available to every service that builds Kafka clients itself,
 * and gives the services on Spring for Apache Kafka their broker check from the cluster they name
 * in {@code spring.kafka.bootstrap-servers}; the others build it from their own setting.
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaClientSettings.class)
public class KafkaClientConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("spring.kafka.bootstrap-servers")
    KafkaBrokerHealth kafkaHealthIndicator(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                           KafkaClientSettings clients) {
        return new KafkaBrokerHealth(bootstrapServers, clients);
    }
}
