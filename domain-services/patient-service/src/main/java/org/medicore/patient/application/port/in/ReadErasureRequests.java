package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.support.port.Outcome;

import java.util.UUID;

/** One request (an admin, or the patient it concerns), and the pending ones, oldest first (admins). */
public interface ReadErasureRequests {

    Outcome<ErasureRequest> get(Caller caller, UUID requestId);

    Outcome<ErasureRequestPage> pending(Caller caller, PageRequest page);
}
