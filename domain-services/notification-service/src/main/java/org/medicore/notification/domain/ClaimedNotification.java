package org.medicore.notification.domain;

/** A due message locked for this delivery round, with the attempts made before. */
public record ClaimedNotification(Notification notification, int attemptsMade) {
}
