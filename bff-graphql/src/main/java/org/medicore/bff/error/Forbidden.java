package org.medicore.bff.error;

import java.util.Optional;

/**
 * The BFF itself refuses the caller (a subscription a role may not open, say), or words a
 * service's refusal so the portal can tell it apart: {@code reason} becomes {@code extensions.reason}.
 */
public final class Forbidden extends RuntimeException {

    private final Optional<String> reason;

    public Forbidden(String message) {
        this(message, Optional.empty());
    }

    public Forbidden(String message, String reason) {
        this(message, Optional.of(reason));
    }

    private Forbidden(String message, Optional<String> reason) {
        super(message);
        this.reason = reason;
    }

    public Optional<String> reason() {
        return reason;
    }
}
