package org.medicore.billing.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ErrorHandler;

/** A failed relay batch stays in the outbox and is retried on the next tick; say so once per failure. */
final class OutboxRelayFailureLog implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayFailureLog.class);

    @Override
    public void handleError(Throwable failure) {
        log.warn("outbox relay batch failed, retrying on the next tick: {}", failure.toString());
    }
}
