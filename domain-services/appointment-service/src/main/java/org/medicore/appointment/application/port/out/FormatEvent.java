package org.medicore.appointment.application.port.out;

import org.medicore.appointment.domain.AppointmentEvent;
import org.medicore.support.port.OutboxMessage;

/** Turns a domain event into the message the appointments topic carries. */
public interface FormatEvent {

    OutboxMessage format(AppointmentEvent event);
}
