package org.medicore.appointment.adapter.out.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.medicore.appointment.application.port.out.FormatEvent;
import org.medicore.appointment.application.port.out.PublishMessages;

import java.time.Duration;

/** The Kafka adapters of the service, as the ports they implement. */
public final class KafkaMessaging {

    public static final String APPOINTMENTS_TOPIC = "medicore.appointments.v1";

    private KafkaMessaging() {
    }

    public static FormatEvent eventFormat() {
        return new ProtoEventFormat();
    }

    public static PublishMessages publisher(Producer<String, String> producer, String topic, Duration ackTimeout) {
        return new KafkaPublisher(producer, topic, ackTimeout);
    }
}
