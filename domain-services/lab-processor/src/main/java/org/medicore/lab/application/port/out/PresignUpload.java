package org.medicore.lab.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

public interface PresignUpload {

    PresignedPut presignPut(String objectKey, String contentType, long sizeBytes, Duration validFor);

    record PresignedPut(String url, Map<String, String> requiredHeaders, Instant expiresAt) {
    }
}
