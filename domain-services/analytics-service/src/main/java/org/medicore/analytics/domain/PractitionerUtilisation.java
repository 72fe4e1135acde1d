package org.medicore.analytics.domain;

/** How much of one practitioner's working time on a day is booked. */
public record PractitionerUtilisation(String practitionerId, String department, long bookedMinutes, long availableMinutes) {

    /** Booked / available minutes in basis points, rounded half up; above 10000 when booked beyond the working day. */
    public int utilisationBasisPoints() {
        return availableMinutes == 0 ? 0 : (int) ((bookedMinutes * 10_000 * 2 + availableMinutes) / (2 * availableMinutes));
    }
}
