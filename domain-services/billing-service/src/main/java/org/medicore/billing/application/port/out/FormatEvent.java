package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.BillingEvent;
import org.medicore.support.port.OutboxMessage;

/** Turns a domain event into the message the topic carries. */
public interface FormatEvent {

    OutboxMessage format(BillingEvent event);
}
