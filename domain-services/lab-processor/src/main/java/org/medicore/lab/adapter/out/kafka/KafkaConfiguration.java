package org.medicore.lab.adapter.out.kafka;

import org.medicore.support.kafka.KafkaClientSettings;
import org.medicore.support.outbox.KafkaOutboxPublisher;
import org.medicore.support.outbox.OutboxProducer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * One idempotent producer for the outbox relay. The broker's health check is service-support's, from
 * {@code spring.kafka.bootstrap-servers} (this cluster, for the erasure listener).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaConfiguration.Properties.class)
public class KafkaConfiguration {

    @ConfigurationProperties("medicore.lab.kafka")
    public record Properties(String bootstrapServers, String topic, Duration ackTimeout) {
    }

    @Bean(destroyMethod = "close")
    Producer<String, String> labEventProducer(Properties properties, KafkaClientSettings clients) {
        return OutboxProducer.create(properties.bootstrapServers(), "lab-processor-outbox", properties.ackTimeout(), clients);
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(Producer<String, String> labEventProducer, Properties properties) {
        return new KafkaEventPublisher(new KafkaOutboxPublisher(labEventProducer, properties.topic(),
                properties.ackTimeout().plusSeconds(5)));
    }
}
