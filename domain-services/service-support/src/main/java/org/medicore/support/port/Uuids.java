package org.medicore.support.port;

import java.util.Optional;
import java.util.UUID;

/**
 * Ids as callers send them: a UUID in its canonical 36-character form, in either case.
 * {@link UUID#fromString} alone also takes {@code 1-1-1-1-1}, which names another id than the
 * caller wrote, and refuses by throwing; this answers instead.
 */
public final class Uuids {

    private static final int CANONICAL_LENGTH = 36;

    private Uuids() {
    }

    public static boolean isUuid(String value) {
        return parse(value).isPresent();
    }

    /** The id {@code value} writes in the canonical form; empty for anything else. */
    public static Optional<UUID> parse(String value) {
        if (value == null || value.length() != CANONICAL_LENGTH) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equalsIgnoreCase(value) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
