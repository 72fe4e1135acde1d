package org.medicore.notification.domain;

/** How a message reaches the patient. */
public enum Channel {
    EMAIL,
    SMS
}
