package org.medicore.appointment.adapter.out.kafka;

import org.medicore.appointment.application.port.out.FormatEvent;

/** The Kafka adapter of the service: the events' wire format (service-support's outbox publisher sends them). */
public final class KafkaMessaging {

    public static final String APPOINTMENTS_TOPIC = "medicore.appointments.v1";

    private KafkaMessaging() {
    }

    public static FormatEvent eventFormat() {
        return new ProtoEventFormat();
    }
}
