package org.medicore.support.audit;

import io.grpc.Status;

/** How an access ended: let through, refused by the access rules, or failed on the way. */
public enum Outcome {
    ALLOWED, DENIED, FAILED;

    public static Outcome of(Status.Code code) {
        return switch (code) {
            case OK -> ALLOWED;
            case UNAUTHENTICATED, PERMISSION_DENIED -> DENIED;
            default -> FAILED;
        };
    }
}
