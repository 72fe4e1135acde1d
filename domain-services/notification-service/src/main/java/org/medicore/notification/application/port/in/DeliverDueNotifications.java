package org.medicore.notification.application.port.in;

/** One delivery round: sends what is due, records what each provider said. */
public interface DeliverDueNotifications {

    /** Handles at most one batch of due messages and returns how many it handled. */
    int deliverDue();
}
