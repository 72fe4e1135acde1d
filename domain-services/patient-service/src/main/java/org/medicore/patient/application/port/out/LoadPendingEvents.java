package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.PatientRegistered;

import java.util.List;

/** The outbox as the relay sees it. */
public interface LoadPendingEvents {

    /** Unpublished events, oldest first. */
    List<PatientRegistered> oldestPending(int limit);

    void markPublished(PatientRegistered event);

    /** How many events wait to be published, for the backlog gauge. */
    long countPending();
}
