package org.medicore.notification.application.service;

import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.application.port.out.LoadSentMessages;
import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.MessageLogAccess;

/** The record of sent messages, as much of it as the caller may see. */
public final class SentMessagesService implements ListSentMessages {

    private final LoadSentMessages messages;

    public SentMessagesService(LoadSentMessages messages) {
        this.messages = messages;
    }

    @Override
    public Listing list(Caller caller, Query query) {
        return MessageLogAccess.visibleKinds(caller, query.patientId())
                .<Listing>map(kinds -> new Listing.Listed(
                        messages.load(query.patientId(), kinds, query.offset(), query.limit())))
                .orElseGet(Listing.Denied::new);
    }
}
