package org.medicore.billing.application.port.out;

import java.util.List;

/** Sends messages to the billing topic and returns once the broker has acknowledged all of them. */
public interface PublishMessages {

    void publish(List<OutboxMessage> messages);
}
