package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.PractitionerRole;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.WorkingHours;

import java.util.List;
import java.util.stream.Collectors;

/** A practitioner's working week as FHIR writes one: days of week with times of day, in the practitioner's zone. */
final class WorkingWeek {

    private WorkingWeek() {
    }

    /** {@code Mon 08:00-12:00, 13:00-17:00; Tue ... (Europe/Berlin)}. */
    static String describe(WorkingHours hours, String zone) {
        String days = hours.getDaysList().stream().filter(day -> day.getIntervalsCount() > 0)
                .map(day -> day(day).getDisplay().substring(0, 3) + " " + day.getIntervalsList().stream()
                        .map(interval -> interval.getStart() + "-" + interval.getEnd()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return (days.isEmpty() ? "no working hours" : days) + (zone.isBlank() ? "" : " (" + zone + ")");
    }

    /** One available time per interval of a day; breaks lie between the intervals. */
    static List<PractitionerRole.PractitionerRoleAvailableTimeComponent> availableTimes(WorkingHours hours) {
        return hours.getDaysList().stream().flatMap(day -> day.getIntervalsList().stream().map(interval ->
                new PractitionerRole.PractitionerRoleAvailableTimeComponent().addDaysOfWeek(day(day))
                        .setAvailableStartTime(timeOfDay(interval.getStart()))
                        .setAvailableEndTime(timeOfDay(interval.getEnd())))).toList();
    }

    private static PractitionerRole.DaysOfWeek day(DaySchedule day) {
        return switch (day.getDayOfWeek()) {
            case MONDAY -> PractitionerRole.DaysOfWeek.MON;
            case TUESDAY -> PractitionerRole.DaysOfWeek.TUE;
            case WEDNESDAY -> PractitionerRole.DaysOfWeek.WED;
            case THURSDAY -> PractitionerRole.DaysOfWeek.THU;
            case FRIDAY -> PractitionerRole.DaysOfWeek.FRI;
            case SATURDAY -> PractitionerRole.DaysOfWeek.SAT;
            case SUNDAY -> PractitionerRole.DaysOfWeek.SUN;
            case DAY_OF_WEEK_UNSPECIFIED, UNRECOGNIZED ->
                    throw new IllegalStateException("appointment-service answered working hours without a day of week");
        };
    }

    /** FHIR's time has seconds; the service writes {@code HH:mm}. */
    private static String timeOfDay(String given) {
        return given.length() == 5 ? given + ":00" : given;
    }
}
