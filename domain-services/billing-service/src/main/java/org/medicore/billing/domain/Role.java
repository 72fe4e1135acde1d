package org.medicore.billing.domain;

/** Realm roles of the medicore realm, plus SYSTEM for the service's own changes. */
public enum Role {
    PATIENT,
    DOCTOR,
    BILLING,
    ADMIN,
    SYSTEM
}
