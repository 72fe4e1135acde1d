package org.medicore.appointment.application.service;

import org.medicore.appointment.domain.Role;
import org.medicore.appointment.application.port.in.PatientAppointments;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Map;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.appointment.application.port.in.FindFreeSlots;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.application.port.in.ViewAppointments;
import org.medicore.appointment.application.port.out.FormatEvent;
import org.medicore.appointment.application.port.out.LoadAppointments;
import org.medicore.appointment.application.port.out.LoadPractitioner;
import org.medicore.appointment.application.port.out.LoadWorkingHours;
import org.medicore.appointment.application.port.out.RememberBookingRequests;
import org.medicore.appointment.application.port.out.RememberBookingRequests.BookingRequest;
import org.medicore.appointment.application.port.out.SaveAppointment;
import org.medicore.appointment.application.port.out.SaveAppointment.SlotClaim;
import org.medicore.support.port.AppendToOutbox;
import org.medicore.support.port.OutboxMessage;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal.Denied;
import org.medicore.support.port.Refusal.Forbidden;
import org.medicore.support.port.Refusal.Invalid;
import org.medicore.support.port.Refusal.NotFound;
import org.medicore.support.port.Refusal.Stale;
import org.medicore.support.port.Transactions;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentAccess;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.BookingHorizon;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.Decision;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.Refusal;
import org.medicore.appointment.domain.SlotPolicy;
import org.medicore.appointment.domain.TimeRange;
import org.medicore.appointment.domain.WorkingHours;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** Booking, the life cycle of appointments and the views on them; every change with its events in one transaction. */
public final class AppointmentService implements BookAppointment, ChangeAppointment, ViewAppointments, FindFreeSlots {

    private final LoadPractitioner practitioners;
    private final LoadWorkingHours workingHours;
    private final LoadAppointments appointments;
    private final SaveAppointment saveAppointment;
    private final RememberBookingRequests bookingRequests;
    private final FormatEvent formatEvent;
    private final AppendToOutbox outbox;
    private final Transactions transactions;
    private final SlotPolicy slots;
    private final BookingHorizon horizon;
    private final Clock clock;

    public AppointmentService(LoadPractitioner practitioners, LoadWorkingHours workingHours, LoadAppointments appointments,
                              SaveAppointment saveAppointment, RememberBookingRequests bookingRequests,
                              FormatEvent formatEvent, AppendToOutbox outbox, Transactions transactions,
                              SlotPolicy slots, BookingHorizon horizon, Clock clock) {
        this.practitioners = practitioners;
        this.workingHours = workingHours;
        this.appointments = appointments;
        this.saveAppointment = saveAppointment;
        this.bookingRequests = bookingRequests;
        this.formatEvent = formatEvent;
        this.outbox = outbox;
        this.transactions = transactions;
        this.slots = slots;
        this.horizon = horizon;
        this.clock = clock;
    }

    @Override
    public Outcome<Appointment> book(Caller caller, BookAppointment.Command command) {
        Optional<Practitioner> practitioner = practitioners.practitioner(command.practitionerId());
        if (practitioner.isEmpty()) {
            return notFound("practitioner", command.practitionerId().toString());
        }
        if (!AppointmentAccess.mayBook(caller, command.patientId(), practitioner.get().ref())) {
            return Outcome.refused(new Denied("a patient books only for themselves, a doctor only in their own schedule"));
        }
        if (!horizon.reaches(command.start(), clock.instant())) {
            return Outcome.refused(Invalid.of("start", "must be within the booking horizon of " + horizon.describe()
                    + " from now"));
        }
        Outcome<Appointment> outcome;
        try {
            outcome = bookOnce(caller, command, practitioner.get());
        } catch (KeyTakenMeanwhile e) {
            outcome = forbidden(new Refusal(Refusal.Rule.SLOT_TAKEN, "a concurrent request used the same key"));
        }
        if (isConflict(outcome)) {
            // A concurrent request with the same key may have won the race: then this is its retry.
            return earlierBooking(caller, command).orElse(outcome);
        }
        return outcome;
    }

    /**
     * Reads and decides before the transaction (the idempotency key, the working hours, the slot
     * rules, the event's text), so the transaction holds its connection only for the three writes.
     * Nothing is lost by reading first: the exclusion constraints and the key's primary key settle
     * every race when the writes meet, as they did when the reads were inside.
     */
    private Outcome<Appointment> bookOnce(Caller caller, BookAppointment.Command command, Practitioner practitioner) {
        Optional<Outcome<Appointment>> earlier = earlierBooking(caller, command);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<WorkingHours> hours = workingHours.workingHours(practitioner.id());
        if (hours.isEmpty()) {
            return forbidden(new Refusal(Refusal.Rule.OUTSIDE_WORKING_HOURS, "the practitioner has no working hours"));
        }
        var booking = new Appointment.Booking(new AppointmentId(UUID.randomUUID()), command.patientId(), practitioner.ref(),
                command.type(), command.start(), command.reason(), caller.asActor());
        return switch (Appointment.book(booking, hours.get().schedule(), slots, clock.instant())) {
            case Decision.Refused refused -> forbidden(refused.refusal());
            case Decision.Accepted accepted -> {
                List<OutboxMessage> events = accepted.events().stream().map(formatEvent::format).toList();
                yield transactions.inTransaction(() -> {
                    SlotClaim claim = saveAppointment.insert(accepted.appointment());
                    if (claim != SlotClaim.SAVED) {
                        return forbidden(refusalFor(claim));
                    }
                    var request = new BookingRequest(command.fingerprint(), accepted.appointment().id());
                    if (!bookingRequests.remember(caller.subject(), command.idempotencyKey(), request, clock.instant())) {
                        throw new KeyTakenMeanwhile();
                    }
                    outbox.append(events);
                    return Outcome.done(accepted.appointment());
                });
            }
        };
    }

    private Optional<Outcome<Appointment>> earlierBooking(Caller caller, BookAppointment.Command command) {
        return bookingRequests.bookingRequest(caller.subject(), command.idempotencyKey()).map(earlier -> {
            if (!earlier.fingerprint().equals(command.fingerprint())) {
                return Outcome.refused(Invalid.of("idempotency_key", "the key was used for a different booking request"));
            }
            return appointments.appointment(earlier.appointmentId())
                    .<Outcome<Appointment>>map(Outcome::done)
                    .orElseGet(() -> notFound("appointment", earlier.appointmentId().toString()));
        });
    }

    @Override
    public Outcome<Appointment> cancel(Caller caller, Cancel command) {
        return change(caller, command.id(), command.expectedVersion(),
                (who, appointment) -> AppointmentAccess.mayCancel(who, appointment, partyOf(caller, command, appointment)),
                appointment -> appointment.cancel(caller.asActor(), partyOf(caller, command, appointment), command.reason(),
                        clock.instant()));
    }

    private static CancellingParty partyOf(Caller caller, Cancel command, Appointment appointment) {
        return command.cancelledBy().orElseGet(() -> AppointmentAccess.partyOf(caller, appointment));
    }

    @Override
    public Outcome<Appointment> reschedule(Caller caller, Reschedule command) {
        if (!horizon.reaches(command.newStart(), clock.instant())) {
            return Outcome.refused(Invalid.of("new_start", "must be within the booking horizon of " + horizon.describe()
                    + " from now"));
        }
        return change(caller, command.id(), command.expectedVersion(), AppointmentAccess::maySee,
                appointment -> workingHours.workingHours(appointment.practitioner().id())
                        .map(hours -> appointment.reschedule(command.newStart(), hours.schedule(), slots, clock.instant()))
                        .orElseGet(() -> new Decision.Refused(new Refusal(Refusal.Rule.OUTSIDE_WORKING_HOURS,
                                "the practitioner has no working hours"))));
    }

    @Override
    public Outcome<Appointment> checkIn(Caller caller, AppointmentId id, long expectedVersion) {
        return change(caller, id, expectedVersion, AppointmentAccess::mayRecordAttendance,
                appointment -> appointment.checkIn(clock.instant()));
    }

    @Override
    public Outcome<Appointment> complete(Caller caller, AppointmentId id, long expectedVersion) {
        return change(caller, id, expectedVersion, AppointmentAccess::mayRecordAttendance,
                appointment -> appointment.complete(clock.instant()));
    }

    @Override
    public Outcome<Appointment> markNoShow(Caller caller, AppointmentId id, long expectedVersion) {
        return change(caller, id, expectedVersion, AppointmentAccess::mayRecordAttendance,
                appointment -> appointment.markNoShow(clock.instant()));
    }

    private Outcome<Appointment> change(Caller caller, AppointmentId id, long expectedVersion,
                                        BiPredicate<Caller, Appointment> allowed, Function<Appointment, Decision> decide) {
        return transactions.inTransaction(() -> {
            Optional<Appointment> current = appointments.appointmentForChange(id);
            if (current.isEmpty()) {
                return notFound("appointment", id.toString());
            }
            Appointment appointment = current.get();
            if (!allowed.test(caller, appointment)) {
                return Outcome.refused(new Denied("not allowed to change this appointment"));
            }
            if (expectedVersion != 0 && expectedVersion != appointment.version()) {
                return Outcome.refused(new Stale(appointment.version()));
            }
            return switch (decide.apply(appointment)) {
                case Decision.Refused refused -> forbidden(refused.refusal());
                case Decision.Accepted accepted -> {
                    SlotClaim claim = saveAppointment.update(accepted.appointment());
                    if (claim != SlotClaim.SAVED) {
                        yield forbidden(refusalFor(claim));
                    }
                    publish(accepted);
                    yield Outcome.done(accepted.appointment());
                }
            };
        });
    }

    @Override
    public Outcome<Appointment> appointment(Caller caller, AppointmentId id) {
        Optional<Appointment> appointment = appointments.appointment(id);
        if (appointment.isEmpty()) {
            return notFound("appointment", id.toString());
        }
        return AppointmentAccess.maySee(caller, appointment.get())
                ? Outcome.done(appointment.get())
                : Outcome.refused(new Denied("not your appointment"));
    }

    @Override
    public Outcome<List<Appointment>> appointments(Caller caller, List<AppointmentId> ids) {
        Map<AppointmentId, Appointment> found = appointments.appointments(new LinkedHashSet<>(ids)).stream()
                .filter(appointment -> AppointmentAccess.maySee(caller, appointment))
                .collect(Collectors.toMap(Appointment::id, appointment -> appointment));
        return Outcome.done(ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Outcome<List<PatientAppointments>> firstOfPatients(Caller caller, List<PatientId> patients, TimeFilter filter,
                                                              int limit) {
        List<PatientId> asked = patients.stream().distinct().toList();
        List<PatientId> visible = asked;
        Optional<String> onlyWith = Optional.empty();
        if (caller.is(Role.DOCTOR) && !caller.is(Role.ADMIN)) {
            onlyWith = Optional.of(caller.subject());
        } else if (!caller.is(Role.ADMIN)) {
            visible = asked.stream().filter(patient -> AppointmentAccess.maySeeAppointmentsOf(caller, patient)).toList();
        }
        Map<PatientId, List<Appointment>> found = visible.isEmpty() ? Map.of()
                : appointments.firstOfPatients(visible, filter, clock.instant(), limit + 1, onlyWith);
        return Outcome.done(asked.stream().map(patient -> {
            List<Appointment> first = found.getOrDefault(patient, List.of());
            return new PatientAppointments(patient, first.subList(0, Math.min(limit, first.size())), first.size() > limit);
        }).toList());
    }

    @Override
    public Outcome<Page<Appointment>> ofPatient(Caller caller, PatientId patient, TimeFilter filter, Page.Request page) {
        if (!AppointmentAccess.maySeeAppointmentsOf(caller, patient)) {
            return Outcome.refused(new Denied("only the patient and administrators see a patient's appointments"));
        }
        return Outcome.done(appointments.ofPatient(patient, filter, clock.instant(), page));
    }

    @Override
    public Outcome<List<Appointment>> ofPractitionerOn(Caller caller, PractitionerId practitionerId, LocalDate day,
                                                       boolean includeCancelled) {
        Optional<Practitioner> practitioner = practitioners.practitioner(practitionerId);
        if (practitioner.isEmpty()) {
            return notFound("practitioner", practitionerId.toString());
        }
        if (!AppointmentAccess.maySeeScheduleOf(caller, practitioner.get().ref())) {
            return Outcome.refused(new Denied("a doctor sees only their own schedule"));
        }
        if (!horizon.mayHoldAppointments(day, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            return Outcome.refused(Invalid.of("date", "must lie between " + BookingHorizon.EARLIEST_DAY
                    + " and the end of the booking horizon (" + horizon.describe() + " from today)"));
        }
        TimeRange wholeDay = days(day, day, practitioner.get().timeZone());
        return Outcome.done(appointments.ofPractitioner(practitionerId, wholeDay, includeCancelled));
    }

    @Override
    public Outcome<FreeSlots> freeSlots(Caller caller, PractitionerId practitionerId, AppointmentType type,
                                        LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!horizon.covers(from, today)) {
            return Outcome.refused(Invalid.of("from_date", "must be within " + horizon.describe() + " of today"));
        }
        if (!horizon.covers(to, today)) {
            return Outcome.refused(Invalid.of("to_date", "must be within " + horizon.describe() + " of today"));
        }
        if (to.isBefore(from)) {
            return Outcome.refused(Invalid.of("to_date", "must not be before from_date"));
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            return Outcome.refused(Invalid.of("to_date", "at most " + MAX_DAYS + " days after from_date"));
        }
        Optional<Practitioner> practitioner = practitioners.practitioner(practitionerId);
        if (practitioner.isEmpty()) {
            return notFound("practitioner", practitionerId.toString());
        }
        ZoneId zone = practitioner.get().timeZone();
        Optional<WorkingHours> hours = workingHours.workingHours(practitionerId);
        if (hours.isEmpty()) {
            return Outcome.done(new FreeSlots(zone, List.of()));
        }
        List<TimeRange> taken = appointments.takenPeriods(practitionerId, days(from, to, zone));
        return Outcome.done(new FreeSlots(zone,
                slots.freeSlots(practitionerId, zone, hours.get().schedule(), type, from, to, taken, clock.instant())));
    }

    private void publish(Decision.Accepted accepted) {
        outbox.append(accepted.events().stream().map(formatEvent::format).toList());
    }

    private static TimeRange days(LocalDate from, LocalDate to, ZoneId zone) {
        return new TimeRange(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static boolean isConflict(Outcome<Appointment> outcome) {
        return outcome instanceof Outcome.Refused<Appointment> refused && refused.refusal() instanceof Forbidden forbidden
                && (forbidden.rule().equals(Refusal.Rule.SLOT_TAKEN.name())
                || forbidden.rule().equals(Refusal.Rule.PATIENT_DOUBLE_BOOKED.name()));
    }

    /**
     * The one place a rule of the domain leaves it: as the refusal every service answers with, the rule's
     * name its type. The subject stays empty, as callers have always read it: the call names the appointment.
     */
    private static <T> Outcome<T> forbidden(Refusal refusal) {
        return Outcome.refused(new Forbidden(refusal.rule().name(), "", refusal.description()));
    }

    private static Refusal refusalFor(SlotClaim claim) {
        return switch (claim) {
            case SLOT_TAKEN -> new Refusal(Refusal.Rule.SLOT_TAKEN, "the slot is taken");
            case PATIENT_DOUBLE_BOOKED -> new Refusal(Refusal.Rule.PATIENT_DOUBLE_BOOKED,
                    "the patient has another appointment at that time");
            case SAVED -> throw new IllegalArgumentException("not a refusal: " + claim);
        };
    }

    private static <T> Outcome<T> notFound(String resource, String id) {
        return Outcome.refused(new NotFound(resource, id));
    }

    /** Rolls the booking back when a concurrent request took the same idempotency key. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
