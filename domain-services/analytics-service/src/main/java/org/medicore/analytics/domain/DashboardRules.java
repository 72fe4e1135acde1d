package org.medicore.analytics.domain;

import org.medicore.analytics.domain.ClinicEvent.AppointmentBooked;
import org.medicore.analytics.domain.ClinicEvent.AppointmentCancelled;
import org.medicore.analytics.domain.ClinicEvent.AppointmentCompleted;
import org.medicore.analytics.domain.ClinicEvent.AppointmentEvent;
import org.medicore.analytics.domain.ClinicEvent.AppointmentNoShow;
import org.medicore.analytics.domain.ClinicEvent.AppointmentRescheduled;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the dashboard's rolling figures are computed. The events carry no working hours, so a
 * practitioner's available time is a configured standard working day, counted for every
 * practitioner with at least one appointment that day; days are those of the clinic group's
 * time zone.
 */
public record DashboardRules(ZoneId zone, int workingMinutesPerDay) {

    public DashboardRules {
        Objects.requireNonNull(zone, "zone");
        if (workingMinutesPerDay <= 0) {
            throw new IllegalArgumentException("a working day has minutes: " + workingMinutesPerDay);
        }
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The days whose booked appointments the event changes: the day it took place, and for a move also the day it left. */
    public List<LocalDate> daysChangedBy(AppointmentEvent event) {
        return switch (event) {
            case AppointmentRescheduled moved -> List.of(dayOf(moved.from().start()), dayOf(moved.to().start())).stream()
                    .distinct().toList();
            case AppointmentBooked booked -> List.of(dayOf(booked.slot().start()));
            case AppointmentCancelled cancelled -> List.of(dayOf(cancelled.slot().start()));
            case AppointmentCompleted completed -> List.of(dayOf(completed.slot().start()));
            case AppointmentNoShow noShow -> List.of(dayOf(noShow.slot().start()));
        };
    }

    /** {@code day} after the event: booked and completed appointments take time, cancelled and missed ones don't. */
    public BookedDay apply(AppointmentEvent event, BookedDay day) {
        return switch (event) {
            case AppointmentBooked booked -> onDay(day, booked.appointmentId(), booked.careUnit(), booked.slot());
            case AppointmentCompleted completed -> onDay(day, completed.appointmentId(), completed.careUnit(), completed.slot());
            case AppointmentCancelled cancelled -> day.without(cancelled.appointmentId());
            case AppointmentNoShow noShow -> day.without(noShow.appointmentId());
            case AppointmentRescheduled moved -> onDay(day.without(moved.appointmentId()), moved.appointmentId(),
                    moved.careUnit(), moved.to());
        };
    }

    public RollingFigures figures(String clinicId, ClinicActivity activity, BookedDay today, Instant asOf) {
        if (!today.date().equals(dayOf(asOf))) {
            throw new IllegalArgumentException(today.date() + " is not the day of " + asOf);
        }
        return new RollingFigures(clinicId, asOf, activity.bookingsInHourBefore(asOf),
                activity.outcomesInWeekBefore(asOf).noShowRateBasisPoints(), today.date(), utilisation(today));
    }

    private List<PractitionerUtilisation> utilisation(BookedDay day) {
        Map<String, PractitionerUtilisation> byPractitioner = new LinkedHashMap<>();
        day.appointments().values().forEach(appointment -> byPractitioner.merge(appointment.practitionerId(),
                        new PractitionerUtilisation(appointment.practitionerId(), appointment.department(),
                                appointment.slot().minutes(), workingMinutesPerDay),
                        (sum, more) -> new PractitionerUtilisation(sum.practitionerId(), sum.department(),
                                sum.bookedMinutes() + more.bookedMinutes(), workingMinutesPerDay)));
        return byPractitioner.values().stream()
                .sorted(Comparator.comparing(PractitionerUtilisation::practitionerId))
                .toList();
    }

    private BookedDay onDay(BookedDay day, String appointmentId, CareUnit unit, TimeSlot slot) {
        return dayOf(slot.start()).equals(day.date())
                ? day.with(appointmentId, new BookedAppointment(unit.practitionerId(), unit.department(), slot))
                : day;
    }
}
