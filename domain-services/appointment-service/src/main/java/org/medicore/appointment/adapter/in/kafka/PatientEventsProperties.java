package org.medicore.appointment.adapter.in.kafka;

import org.medicore.support.kafka.EventRetry;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The patients topic this service consumes, where the events it gives up on go, and how often a failing
 * event is tried before that; defaults in application.yaml.
 */
@ConfigurationProperties("medicore.patient-events")
public record PatientEventsProperties(String topic, String deadLetterTopic, EventRetry retry) {
}
