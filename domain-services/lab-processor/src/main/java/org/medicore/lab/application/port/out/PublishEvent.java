package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.LabReportEvent;

public interface PublishEvent {

    /** Returns once the broker acknowledged the event; throws if it did not. */
    void publish(LabReportEvent event);
}
