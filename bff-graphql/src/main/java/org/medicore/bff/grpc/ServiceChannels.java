package org.medicore.bff.grpc;

import io.grpc.ManagedChannel;

/** One long-lived channel per domain service, shared by every request. */
record ServiceChannels(ManagedChannel patient, ManagedChannel appointment, ManagedChannel billing, ManagedChannel lab,
                       ManagedChannel notification) {

    void shutdown() {
        patient.shutdown();
        appointment.shutdown();
        billing.shutdown();
        lab.shutdown();
        notification.shutdown();
    }
}
