package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.LabResult;
import org.medicore.support.port.Outcome;

public interface AttachLabResult {

    Outcome<LabResult> attach(Caller caller, AttachLabResultCommand command);
}
