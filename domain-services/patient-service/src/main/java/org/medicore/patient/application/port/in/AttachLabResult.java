package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Caller;

public interface AttachLabResult {

    LabResultAttachment attach(Caller caller, AttachLabResultCommand command);
}
