package org.medicore.appointment.application.port.in;

import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.PersonName;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.appointment.domain.WorkingHours;
import org.medicore.support.port.Outcome;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public interface ManagePractitioners {

    Outcome<Practitioner> create(Caller caller, NewPractitioner command);

    /** The practitioners among {@code ids} that exist, in the order asked. */
    Outcome<List<Practitioner>> practitioners(Caller caller, List<PractitionerId> ids);

    Outcome<Practitioner> practitioner(Caller caller, PractitionerId id);

    /** Practitioners matching every filter given, by family name, then given name. */
    Outcome<Page<Practitioner>> practitioners(Caller caller, Filter filter, Page.Request page);

    /** Replaces the hours; the result lists future bookings now outside them. */
    Outcome<HoursSet> setWorkingHours(Caller caller, PractitionerId id, long expectedVersion, WeeklySchedule schedule);

    Outcome<WorkingHours> workingHours(Caller caller, PractitionerId id);

    record NewPractitioner(PersonName name, String specialty, String department, String clinicId, ZoneId timeZone,
                           Optional<String> keycloakSubject) {
        public NewPractitioner {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timeZone, "time zone");
            keycloakSubject = keycloakSubject.filter(subject -> !subject.isBlank());
        }
    }

    /** Exact matches; an empty filter matches any practitioner. */
    record Filter(Optional<String> department, Optional<String> specialty, Optional<String> clinicId) {
        public Filter {
            department = department.filter(value -> !value.isBlank());
            specialty = specialty.filter(value -> !value.isBlank());
            clinicId = clinicId.filter(value -> !value.isBlank());
        }
    }

    record HoursSet(WorkingHours hours, List<AppointmentId> conflictingAppointments) {
        public HoursSet {
            conflictingAppointments = List.copyOf(conflictingAppointments);
        }
    }
}
