package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.DeliveryOutcome;

/** A provider of one channel. Expected failures come back as outcomes, not exceptions. */
public interface SendOnChannel {

    Channel channel();

    /** Sends one message; the key names the message (not the attempt) for providers that deduplicate. */
    DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey);
}
