package org.medicore.notification.domain;

/** The realm roles that matter to reading the record of sent messages. */
public enum Role {
    PATIENT,
    DOCTOR,
    BILLING,
    ADMIN
}
