package org.medicore.lab.adapter.out.kafka;

import org.medicore.support.kafka.KafkaClientSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.medicore.support.health.KafkaBrokerHealth;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

/** One idempotent producer for the outbox relay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaConfiguration.Properties.class)
public class KafkaConfiguration {

    @ConfigurationProperties("medicore.lab.kafka")
    public record Properties(String bootstrapServers, String topic, Duration ackTimeout) {
    }

    @Bean(destroyMethod = "close")
    Producer<String, String> labEventProducer(Properties properties, KafkaClientSettings clients) {
        return new KafkaProducer<>(clients.with(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                // one in flight keeps a report's events in order across retries
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.ackTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.ackTimeout().toMillis() / 2,
                ProducerConfig.CLIENT_ID_CONFIG, "lab-processor-outbox")),
                new StringSerializer(), new StringSerializer());
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(Producer<String, String> labEventProducer, Properties properties) {
        return new KafkaEventPublisher(labEventProducer, properties.topic(), properties.ackTimeout().plusSeconds(5));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    KafkaBrokerHealth kafkaHealthIndicator(Properties properties, KafkaClientSettings clients) {
        return new KafkaBrokerHealth(properties.bootstrapServers(), clients);
    }
}
