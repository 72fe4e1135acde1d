package org.medicore.appointment.application.service;

import java.util.stream.Collectors;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Map;
import org.medicore.appointment.application.port.in.ManagePractitioners;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.application.port.out.FormatEvent;
import org.medicore.appointment.application.port.out.LoadAppointments;
import org.medicore.appointment.application.port.out.LoadPractitioner;
import org.medicore.appointment.application.port.out.LoadWorkingHours;
import org.medicore.appointment.application.port.out.SaveAppointment;
import org.medicore.appointment.application.port.out.SavePractitioner;
import org.medicore.appointment.application.port.out.SaveWorkingHours;
import org.medicore.support.port.AppendToOutbox;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal.AlreadyExists;
import org.medicore.support.port.Refusal.Denied;
import org.medicore.support.port.Refusal.NotFound;
import org.medicore.support.port.Refusal.Stale;
import org.medicore.support.port.Transactions;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentAccess;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentStatus;
import org.medicore.appointment.domain.BookingHorizon;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.SlotPolicy;
import org.medicore.appointment.domain.TimeRange;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.appointment.domain.WorkingHours;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Practitioners and their working hours. */
public final class PractitionerService implements ManagePractitioners {

    private final LoadPractitioner practitioners;
    private final SavePractitioner savePractitioner;
    private final LoadWorkingHours loadHours;
    private final SaveWorkingHours saveHours;
    private final LoadAppointments appointments;
    private final SaveAppointment saveAppointment;
    private final FormatEvent formatEvent;
    private final AppendToOutbox outbox;
    private final Transactions transactions;
    private final SlotPolicy slots;
    private final BookingHorizon horizon;
    private final Clock clock;

    public PractitionerService(LoadPractitioner practitioners, SavePractitioner savePractitioner, LoadWorkingHours loadHours,
                               SaveWorkingHours saveHours, LoadAppointments appointments, SaveAppointment saveAppointment,
                               FormatEvent formatEvent, AppendToOutbox outbox, Transactions transactions,
                               SlotPolicy slots, BookingHorizon horizon, Clock clock) {
        this.practitioners = practitioners;
        this.savePractitioner = savePractitioner;
        this.loadHours = loadHours;
        this.saveHours = saveHours;
        this.appointments = appointments;
        this.saveAppointment = saveAppointment;
        this.formatEvent = formatEvent;
        this.outbox = outbox;
        this.transactions = transactions;
        this.slots = slots;
        this.horizon = horizon;
        this.clock = clock;
    }

    @Override
    public Outcome<Practitioner> create(Caller caller, NewPractitioner command) {
        if (!AppointmentAccess.mayManagePractitioners(caller)) {
            return Outcome.refused(new Denied("only administrators create practitioners"));
        }
        Instant now = clock.instant();
        var practitioner = new Practitioner(new PractitionerId(UUID.randomUUID()), command.name(), command.specialty(),
                command.department(), command.clinicId(), command.timeZone(), command.keycloakSubject(), 1, now, now);
        if (!transactions.inTransaction(() -> savePractitioner.create(practitioner))) {
            return Outcome.refused(new AlreadyExists("practitioner", command.keycloakSubject().orElse(""), "already exists"));
        }
        return Outcome.done(practitioner);
    }

    @Override
    public Outcome<List<Practitioner>> practitioners(Caller caller, List<PractitionerId> ids) {
        Map<PractitionerId, Practitioner> found = practitioners.practitioners(new LinkedHashSet<>(ids)).stream()
                .collect(Collectors.toMap(Practitioner::id, practitioner -> practitioner));
        return Outcome.done(ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Outcome<Practitioner> practitioner(Caller caller, PractitionerId id) {
        return practitioners.practitioner(id).<Outcome<Practitioner>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new NotFound("practitioner", id.toString())));
    }

    /** The practitioner directory is open to every authenticated caller: patients choose from it. */
    @Override
    public Outcome<Page<Practitioner>> practitioners(Caller caller, Filter filter, Page.Request page) {
        return Outcome.done(practitioners.practitioners(filter, page));
    }

    @Override
    public Outcome<HoursSet> setWorkingHours(Caller caller, PractitionerId id, long expectedVersion, WeeklySchedule schedule) {
        Optional<Practitioner> practitioner = practitioners.practitioner(id);
        if (practitioner.isEmpty()) {
            return Outcome.refused(new NotFound("practitioner", id.toString()));
        }
        if (!AppointmentAccess.maySeeScheduleOf(caller, practitioner.get().ref())) {
            return Outcome.refused(new Denied("only administrators and the practitioner set working hours"));
        }
        return transactions.inTransaction(() -> {
            long current = loadHours.workingHoursForChange(id).map(WorkingHours::version).orElse(0L);
            if (expectedVersion != 0 && expectedVersion != current) {
                return Outcome.refused(new Stale(current));
            }
            Instant now = clock.instant();
            var hours = new WorkingHours(id, schedule, current + 1, now);
            saveHours.save(hours);
            List<Appointment> upcoming = appointments.ofPractitioner(id, horizon.ahead(now), false);
            var conflicting = upcoming.stream()
                    .filter(appointment -> appointment.status() == AppointmentStatus.BOOKED)
                    .filter(appointment -> !slots.offers(practitioner.get().timeZone(), schedule, appointment.type(),
                            appointment.period().start()))
                    .map(Appointment::id)
                    .toList();
            conflicting.forEach(appointment -> markOutsideWorkingHours(appointment, now));
            return Outcome.done(new HoursSet(hours, conflicting));
        });
    }

    /** Marks it on the appointment, with its event, so the schedule and the patient see it until staff act. */
    private void markOutsideWorkingHours(AppointmentId id, Instant now) {
        appointments.appointmentForChange(id).flatMap(appointment -> appointment.leftOutsideWorkingHours(now))
                .ifPresent(marked -> {
                    saveAppointment.update(marked.appointment());
                    outbox.append(marked.events().stream().map(formatEvent::format).toList());
                });
    }

    @Override
    public Outcome<WorkingHours> workingHours(Caller caller, PractitionerId id) {
        return loadHours.workingHours(id).<Outcome<WorkingHours>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new NotFound("working hours", id.toString())));
    }
}
