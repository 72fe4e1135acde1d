package org.medicore.notification.domain;

/** What a channel's provider said about one message. */
public sealed interface DeliveryOutcome {

    /** Accepted by the provider, with its own id for the message where it gives one. */
    record Delivered(String providerMessageId) implements DeliveryOutcome {
    }

    /** The provider could not take it now (connection, throttling, 4xx of SMTP): worth trying again. */
    record TemporaryFailure(String reason) implements DeliveryOutcome {
    }

    /** No retry can help (no address, address refused, message refused). */
    record PermanentFailure(String reason) implements DeliveryOutcome {
    }
}
