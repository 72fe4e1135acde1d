package org.medicore.localstack;

import java.util.List;

/** The event topics of ARCHITECTURE.md, created by the stack on every start. */
public final class Topics {

    public static final String PATIENTS = "medicore.patients.v1";
    public static final String APPOINTMENTS = "medicore.appointments.v1";
    public static final String BILLING = "medicore.billing.v1";
    public static final String LABS = "medicore.labs.v1";
    public static final String ANALYTICS = "medicore.analytics.v1";

    public static final List<String> ALL = List.of(PATIENTS, APPOINTMENTS, BILLING, LABS, ANALYTICS);

    /** Partitions per topic: events of one aggregate stay in order, several consumers can share a topic. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }
}
