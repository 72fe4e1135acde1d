package org.medicore.billing.application.service;

import org.medicore.support.port.AppendToOutbox;
import org.medicore.billing.application.port.out.FormatEvent;
import org.medicore.billing.domain.BillingEvent;

import java.util.List;

/** Writes domain events to the outbox, in the transaction of the change that raised them. */
final class EventJournal {

    private final FormatEvent format;
    private final AppendToOutbox outbox;

    EventJournal(FormatEvent format, AppendToOutbox outbox) {
        this.format = format;
        this.outbox = outbox;
    }

    void write(List<? extends BillingEvent> events) {
        outbox.append(events.stream().map(format::format).toList());
    }
}
