package org.medicore.patient.application.port.out;

import org.medicore.patient.domain.ErasureRequest;
import org.medicore.patient.domain.ErasureState;

import java.util.Optional;
import java.util.UUID;

/** Requests change state only from the state they were read in, so two admins deciding at once change it once. */
public interface SaveErasureRequest {

    /** Stores a new pending request, unless the patient has an open one: then its id. */
    Optional<UUID> insertUnlessOpen(ErasureRequest request);

    /** Stores the decided request if it is still in state {@code from}; false when another decision came first. */
    boolean decide(ErasureState from, ErasureRequest decided);

    /** Stores the finished erasure and its event together, if the request is still approved; false otherwise. */
    boolean finish(ErasureRequest.Erased erased);
}
