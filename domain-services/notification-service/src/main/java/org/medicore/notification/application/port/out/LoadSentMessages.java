package org.medicore.notification.application.port.out;

import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.domain.NotificationKind;

import java.util.Set;
import java.util.UUID;

/** A patient's messages of the given kinds, the most recently planned first. */
public interface LoadSentMessages {

    ListSentMessages.Page load(UUID patientId, Set<NotificationKind> kinds, int offset, int limit);
}
