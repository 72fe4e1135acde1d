package org.medicore.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The live dashboard of one clinic as of an instant. */
public record RollingFigures(String clinicId, Instant asOf, long bookingsLastHour, int noShowRateLast7DaysBasisPoints,
                             LocalDate today, List<PractitionerUtilisation> practitionerUtilisation) {

    public RollingFigures {
        practitionerUtilisation = List.copyOf(practitionerUtilisation);
    }
}
