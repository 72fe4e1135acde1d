package org.medicore.notification.application.service;

import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.application.port.out.LoadSentMessages;
import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.MessageLogAccess;
import org.medicore.support.port.Outcome;

/** The record of sent messages, as much of it as the caller may see. */
public final class SentMessagesService implements ListSentMessages {

    private final LoadSentMessages messages;

    public SentMessagesService(LoadSentMessages messages) {
        this.messages = messages;
    }

    @Override
    public Outcome<Page> list(Caller caller, Query query) {
        return MessageLogAccess.visibleKinds(caller, query.patientId())
                .map(kinds -> Outcome.done(messages.load(query.patientId(), kinds, query.offset(), query.limit())))
                .orElseGet(() -> Outcome.refused(NotificationRefusals.NOT_ALLOWED));
    }
}
