package org.medicore.support.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** timestamptz columns are read and written as OffsetDateTime; the domain speaks Instant. */
public final class TimestampColumns {

    private TimestampColumns() {
    }

    public static OffsetDateTime column(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant value(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
