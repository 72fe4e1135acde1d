package org.medicore.notification.application.service;

import org.medicore.support.port.Refusal;

/** The refusals the use cases share, each said one way. */
final class NotificationRefusals {

    static final Refusal NOT_ALLOWED = new Refusal.Denied("not allowed for this caller");

    private NotificationRefusals() {
    }
}
