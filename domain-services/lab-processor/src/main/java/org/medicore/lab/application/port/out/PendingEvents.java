package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.LabReportEvent;

import java.util.List;

/** The outbox as the relay sees it. */
public interface PendingEvents {

    List<LabReportEvent> oldestPending(int limit);

    void markPublished(LabReportEvent event);

    /** How many events wait to be published, for the backlog gauge. */
    long countPending();
}
