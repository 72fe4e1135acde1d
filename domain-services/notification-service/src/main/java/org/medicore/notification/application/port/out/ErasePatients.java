package org.medicore.notification.application.port.out;

import java.time.Instant;
import java.util.UUID;

/**
 * Erasure on request: which patients were erased, and forgetting one. To be called inside the
 * transaction of the event that asks; a patient's erasure and the other events about them are
 * serialised, so an event applied beside the erasure can't leave anything behind it.
 */
public interface ErasePatients {

    /** Whether the patient was erased; holds off their erasure until the calling transaction ends. */
    boolean isErased(UUID patientId);

    /**
     * Marks the patient erased and removes what identifies or reaches them: the recipient row, consent
     * and its history, calendars; their pending messages are withdrawn with {@code withdrawnBecause}, and
     * every message of theirs loses the address it went to and its error text. Changes nothing when the
     * patient was erased before.
     */
    void erase(UUID patientId, String withdrawnBecause, Instant at);
}
