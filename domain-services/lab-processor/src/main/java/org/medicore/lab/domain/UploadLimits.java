package org.medicore.lab.domain;

import java.util.Optional;

/** What an upload may be: a PDF of at most {@code maxBytes}. */
public record UploadLimits(long maxBytes) {

    public static final String PDF = "application/pdf";

    /** The rejection of an object whose real size is {@code actualBytes}, if any. */
    public Optional<Rejection> checkStoredSize(long declaredBytes, long actualBytes) {
        if (actualBytes > maxBytes) {
            return Optional.of(new Rejection(RejectionReason.TOO_LARGE,
                    "The file is " + mebibytes(actualBytes) + "; reports may be at most " + mebibytes(maxBytes) + "."));
        }
        if (actualBytes != declaredBytes) {
            return Optional.of(new Rejection(RejectionReason.SIZE_MISMATCH,
                    "The uploaded file has " + actualBytes + " bytes, but " + declaredBytes + " were announced."));
        }
        return Optional.empty();
    }

    static String mebibytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
