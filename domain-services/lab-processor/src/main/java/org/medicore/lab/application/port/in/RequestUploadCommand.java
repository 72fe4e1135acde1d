package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;

/** An upload asked for, as read and checked at the edge: a PDF of the patient's, of {@code sizeBytes}. */
public record RequestUploadCommand(Caller caller, String patientId, String fileName, long sizeBytes) {
}
