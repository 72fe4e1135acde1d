package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.Recipient;

/** Renders a message in the recipient's language and zone. */
public interface ComposeMessages {

    ComposedMessage compose(Notification notification, Recipient recipient);
}
