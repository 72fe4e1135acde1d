package org.medicore.notification.domain;

/** What became of a message. */
public enum DeliveryStatus {
    /** Waiting for its time, or for another attempt after a temporary failure. */
    PENDING,
    /** The provider accepted it. */
    SENT,
    /** No longer applies: a reminder of a moved or cancelled appointment. */
    WITHDRAWN,
    /** Given up for good, with the reason. */
    FAILED
}
