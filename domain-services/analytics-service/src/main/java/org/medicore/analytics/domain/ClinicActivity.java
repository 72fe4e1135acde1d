package org.medicore.analytics.domain;

import org.medicore.analytics.domain.ClinicEvent.AppointmentBooked;
import org.medicore.analytics.domain.ClinicEvent.AppointmentCompleted;
import org.medicore.analytics.domain.ClinicEvent.AppointmentEvent;
import org.medicore.analytics.domain.ClinicEvent.AppointmentNoShow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a clinic did recently, in buckets so the state stays small however busy the clinic is:
 * bookings per minute they were made in (the last hour), and outcomes per hour the appointment
 * started in (the last seven days). Figures are therefore exact to the minute and the hour.
 */
public record ClinicActivity(SortedMap<Instant, Long> bookingsPerMinute, SortedMap<Instant, Outcomes> outcomesPerHour) {

    public static final Duration BOOKINGS_PERIOD = Duration.ofHours(1);
    public static final Duration NO_SHOW_PERIOD = Duration.ofDays(7);

    public ClinicActivity {
        bookingsPerMinute = Collections.unmodifiableSortedMap(new TreeMap<>(bookingsPerMinute));
        outcomesPerHour = Collections.unmodifiableSortedMap(new TreeMap<>(outcomesPerHour));
    }

    public static ClinicActivity none() {
        return new ClinicActivity(new TreeMap<>(), new TreeMap<>());
    }

    /** This activity with the event counted and the buckets that fell out of every period before {@code asOf} dropped. */
    public ClinicActivity record(AppointmentEvent event, Instant asOf) {
        TreeMap<Instant, Long> bookings = new TreeMap<>(bookingsPerMinute.tailMap(minuteOf(asOf.minus(BOOKINGS_PERIOD))));
        TreeMap<Instant, Outcomes> outcomes = new TreeMap<>(outcomesPerHour.tailMap(hourOf(asOf.minus(NO_SHOW_PERIOD))));
        switch (event) {
            case AppointmentBooked booked -> bookings.merge(minuteOf(booked.occurredAt()), 1L, Long::sum);
            case AppointmentCompleted completed ->
                    outcomes.merge(hourOf(completed.slot().start()), new Outcomes(1, 0), Outcomes::plus);
            case AppointmentNoShow noShow -> outcomes.merge(hourOf(noShow.slot().start()), new Outcomes(0, 1), Outcomes::plus);
            default -> {
                // cancellations and moves change neither bookings made nor outcomes
            }
        }
        return new ClinicActivity(bookings, outcomes);
    }

    /** Bookings made in the hour before {@code asOf}, counted by the minute they were made in. */
    public long bookingsInHourBefore(Instant asOf) {
        return bookingsPerMinute.subMap(minuteOf(asOf.minus(BOOKINGS_PERIOD)).plusSeconds(60), minuteOf(asOf).plusSeconds(60))
                .values().stream().mapToLong(Long::longValue).sum();
    }

    /** Outcomes of appointments that started in the seven days before {@code asOf}, by the hour they started in. */
    public Outcomes outcomesInWeekBefore(Instant asOf) {
        return outcomesPerHour.subMap(hourOf(asOf.minus(NO_SHOW_PERIOD)).plus(1, ChronoUnit.HOURS), hourOf(asOf).plus(1, ChronoUnit.HOURS))
                .values().stream().reduce(Outcomes.NONE, Outcomes::plus);
    }

    private static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    private static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }
}
