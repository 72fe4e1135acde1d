package org.medicore.appointment.domain;

import java.util.List;

/** What an appointment decided about a requested change. */
public sealed interface Decision {

    /** The change is made: the new state and the events it raises (check-in raises none). */
    record Accepted(Appointment appointment, List<AppointmentEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Refused(Refusal refusal) implements Decision {
        static Refused because(Refusal.Rule rule, String description) {
            return new Refused(new Refusal(rule, description));
        }
    }
}
