package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.support.port.Outcome;

/** A patient asks to be erased, or an admin records that they asked; a repeat while one is pending answers with it. */
public interface RequestErasure {

    Outcome<ErasureRequest> request(Caller caller, RequestErasureCommand command);
}
