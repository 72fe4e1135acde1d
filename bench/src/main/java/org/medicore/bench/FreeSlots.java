package org.medicore.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The slots of a bench practitioner (working around the clock in UTC, {@link Clinic#SLOT_MINUTES}-minute
 * slots, {@link Clinic#SLOTS_PER_DAY} a day) from a first day on, handed out one at a time, so
 * concurrent clients never take the same one.
 */
final class FreeSlots {

    private final LocalDate firstDay;
    private final AtomicInteger next = new AtomicInteger();

    FreeSlots(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    /** The start of the next slot nobody has been given. */
    Instant next() {
        int slot = next.getAndIncrement();
        return firstDay.plusDays(slot / Clinic.SLOTS_PER_DAY).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds((long) (slot % Clinic.SLOTS_PER_DAY) * Clinic.SLOT_MINUTES * 60);
    }
}
