package org.medicore.notification.application.port.out;

import org.medicore.notification.domain.AppointmentCalendar;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The calendar entry each patient holds per appointment; read locked, for the event that changes it. */
public interface AppointmentCalendars {

    Optional<AppointmentCalendar> findForUpdate(UUID appointmentId);

    void save(AppointmentCalendar calendar, Instant at);
}
