package org.medicore.notification.adapter.out.jooq;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** timestamptz columns read as OffsetDateTime; the domain speaks Instant. */
final class Instants {

    private Instants() {
    }

    static OffsetDateTime column(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant value(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
