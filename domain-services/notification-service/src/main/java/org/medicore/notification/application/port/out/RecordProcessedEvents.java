package org.medicore.notification.application.port.out;

import java.time.Instant;
import java.util.UUID;

/** The ids of consumed events; to be called inside the transaction of the event's effect. */
public interface RecordProcessedEvents {

    /** Records the id; false when it was recorded before (the event is a redelivery). */
    boolean recordFirstTime(UUID eventId, String eventType, Instant at);
}
