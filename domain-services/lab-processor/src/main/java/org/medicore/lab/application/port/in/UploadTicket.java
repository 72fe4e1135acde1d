package org.medicore.lab.application.port.in;

import java.time.Instant;
import java.util.Map;

/** Where and how the uploader PUTs the PDF. */
public record UploadTicket(String reportId, String uploadUrl, Map<String, String> requiredHeaders, Instant expiresAt) {

    public UploadTicket {
        requiredHeaders = Map.copyOf(requiredHeaders);
    }
}
