package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;

public record RequestUploadCommand(Caller caller, String patientId, String fileName, String contentType,
                                   long sizeBytes) {
}
