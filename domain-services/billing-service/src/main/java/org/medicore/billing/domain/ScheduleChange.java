package org.medicore.billing.domain;

import java.util.List;

/** The outcome of replacing the fee schedule. */
public sealed interface ScheduleChange {

    record Replaced(FeeSchedule schedule) implements ScheduleChange {
    }

    record Invalid(List<FieldViolation> violations) implements ScheduleChange {
    }

    record Stale(long currentVersion) implements ScheduleChange {
    }
}
