package org.medicore.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Everything about the events a service's listeners give up on, for every service that declares a
 * {@link DeadLetterPolicy} (billing-service, notification-service): the listeners' error handler
 * ({@link EventErrorHandler}; Spring Boot gives the one error handler bean to its listener containers),
 * the dead-letter topic (3 partitions), its replay and the {@code --replay-dead-letters} command, and the
 * {@code medicore.dlq.size} gauge.
 */
@AutoConfiguration
@ConditionalOnClass(DefaultErrorHandler.class)
@ConditionalOnBean(DeadLetterPolicy.class)
public class DeadLetterHandling {

    @Bean
    DefaultErrorHandler eventErrorHandler(KafkaTemplate<String, String> kafka, DeadLetterPolicy policy) {
        return EventErrorHandler.of(kafka, policy);
    }

    @Bean
    NewTopic deadLetterTopic(DeadLetterPolicy policy) {
        return TopicBuilder.name(policy.topic()).partitions(3).build();
    }

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
                                      DeadLetterPolicy policy,
                                      @Value("${spring.kafka.consumer.group-id}") String listenerGroup) {
        return new DeadLetterReplay(consumers, kafka, policy.topic(), listenerGroup);
    }

    @Bean
    ReplayDeadLettersCommand replayDeadLettersCommand(DeadLetterReplay replay) {
        return new ReplayDeadLettersCommand(replay);
    }

    @Bean(destroyMethod = "close")
    DeadLetterSize deadLetterSize(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                  KafkaClientSettings clients, DeadLetterPolicy policy) {
        return new DeadLetterSize(bootstrapServers, clients, policy.topic());
    }
}
