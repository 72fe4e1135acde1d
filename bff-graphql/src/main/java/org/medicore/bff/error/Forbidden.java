package org.medicore.bff.error;

/** The BFF itself refuses the caller (a subscription a role may not open, say). */
public final class Forbidden extends RuntimeException {

    public Forbidden(String reason) {
        super(reason);
    }
}
