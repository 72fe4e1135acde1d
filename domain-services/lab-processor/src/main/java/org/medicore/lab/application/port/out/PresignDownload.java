package org.medicore.lab.application.port.out;

import java.time.Duration;
import java.time.Instant;

public interface PresignDownload {

    /** A GET link to the object that works without credentials for {@code validFor}. */
    PresignedGet presignGet(String objectKey, String contentType, Duration validFor);

    record PresignedGet(String url, Instant expiresAt) {
    }
}
