package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.support.port.Outcome;

import java.util.UUID;

/**
 * An admin other than the one who recorded it decides a request: approval erases patient-service's part of the
 * patient and announces it; a retry of an approval that failed part-way finishes it.
 */
public interface DecideErasure {

    Outcome<ErasureRequest> approve(Caller caller, UUID requestId);

    Outcome<ErasureRequest> decline(Caller caller, UUID requestId, String reason);
}
