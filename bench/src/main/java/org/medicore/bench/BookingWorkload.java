package org.medicore.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.RescheduleAppointmentRequest;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Visits at a steady rate over gRPC, as a careful partner client makes them: each books the next
 * free slot with its own idempotency key; one in {@value #EVERY} is then cancelled and one in
 * {@value #EVERY} moved to another free slot, each with the version it read, and the slot it
 * freed is booked again; before another one in {@value #EVERY} a new patient registers (in
 * patient-service's DynamoDB), and a retry that finds the patient registered by a try whose answer
 * was lost takes the id the refusal names. A retryable failure is retried with the same request after a growing
 * pause with jitter until it is answered or the workload's last moment has passed; a cancellation
 * or move refused on a retry because the version moved on is settled by reading the appointment
 * (the earlier try took). What each booking and change ended as is kept for the checker.
 */
final class BookingWorkload implements AutoCloseable {

    /** The family name of the workload's new patients, before the run's mark and the visit's number. */
    static final String NEWCOMER = "Newcomer ";

    /** One visit in this many is cancelled, another moved, another begins with a registration. */
    static final int EVERY = 5;

    /**
     * One booking: answered with its appointment id, or given up; the failures it met on the way.
     * {@code freedSlot}: it took a slot that a cancellation or a move of this run had freed.
     */
    record Booking(String idempotencyKey, Instant start, Optional<String> appointmentId, Instant answeredAt,
                   Map<Status.Code, Integer> failures, boolean freedSlot) {
    }

    /**
     * A new patient's registration: answered with the patient's id, or given up. {@code byAnEarlierTry}: the id came
     * from a retry's refusal, because an earlier try registered the patient and its answer was lost.
     */
    record Registration(String family, Optional<String> patientId, Map<Status.Code, Integer> failures,
                        boolean byAnEarlierTry) {
    }

    enum Kind { CANCELLATION, MOVE }

    /**
     * A cancellation or a move (to {@code newStart}) of a booked appointment: acknowledged or given up.
     * {@code byAnEarlierTry}: acknowledged because the appointment showed the change after a retry was refused, which an
     * earlier try whose answer was lost made.
     */
    record Change(Kind kind, String appointmentId, Optional<Instant> newStart, boolean acknowledged,
                  Map<Status.Code, Integer> failures, boolean byAnEarlierTry) {
    }

    private final Clinic clinic;
    private final double perSecond;
    private final Optional<BffBooking> throughBff;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Booking> bookings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final CarefulClient calls = new CarefulClient();
    private final AtomicInteger visits = new AtomicInteger();
    private volatile boolean sending = true;
    private Thread pacer;

    /** Bookings through {@code throughBff} when given (as the portal makes them), else over gRPC as a partner does. */
    BookingWorkload(Clinic clinic, double perSecond, Optional<BffBooking> throughBff) {
        this.clinic = clinic;
        this.perSecond = perSecond;
        this.throughBff = throughBff;
    }

    void start() {
        long pauseNanos = (long) (1e9 / perSecond);
        pacer = Thread.ofPlatform().name("booking-pacer").daemon().start(() -> {
            long next = System.nanoTime();
            while (sending) {
                clients.execute(this::visit);
                next += pauseNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    /** Stops sending new visits; those under way retry until {@code drain} has passed, then give up. */
    List<Booking> stopAndDrain(Duration drain) throws InterruptedException {
        sending = false;
        pacer.join();
        calls.giveUpAfter(drain);
        clients.shutdown();
        clients.awaitTermination(drain.toSeconds() + 30, TimeUnit.SECONDS);
        return List.copyOf(bookings);
    }

    /** The cancellations and moves, once {@link #stopAndDrain} has returned. */
    List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The registrations, once {@link #stopAndDrain} has returned. */
    List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    /** For each code a client may not retry, what the first such failure said and when ({@link CarefulClient}). */
    Map<Status.Code, String> refusalsSeen() {
        return calls.refusalsSeen();
    }

    private void visit() {
        int visit = visits.getAndIncrement();
        if (visit % EVERY == 2) {
            register(NEWCOMER + clinic.run + " " + visit);
        }
        Optional<Appointment> booked = book(clinic.nextStart(), false);
        if (booked.isEmpty() || visit % EVERY > 1) {
            return;
        }
        Appointment appointment = booked.get();
        Instant freed = instant(appointment.getStart().getSeconds());
        boolean changed = visit % EVERY == 0 ? cancel(appointment) : move(appointment, clinic.nextStart());
        if (changed) {
            book(freed, true);
        }
    }

    private void register(String family) {
        RegisterPatientRequest request = clinic.registration(family);
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        AtomicBoolean byAnEarlierTry = new AtomicBoolean();
        Optional<String> registered = calls.untilAnswered(() -> patients().registerPatient(request).getPatient().getId(),
                failures, noting(byAnEarlierTry, BookingWorkload::registeredBefore));
        registrations.add(new Registration(family, registered, failures, byAnEarlierTry.get()));
    }

    /** ALREADY_EXISTS on a retry: an earlier try registered the patient, whom the refusal names. */
    static Optional<String> registeredBefore(StatusRuntimeException refusal) {
        if (refusal.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
            return Optional.empty();
        }
        return StatusProto.fromThrowable(refusal).getDetailsList().stream().filter(detail -> detail.is(ResourceInfo.class))
                .findFirst().map(detail -> {
                    try {
                        return detail.unpack(ResourceInfo.class).getResourceName();
                    } catch (InvalidProtocolBufferException unreadable) {
                        throw new IllegalStateException("patient-service sent an unreadable ResourceInfo", unreadable);
                    }
                });
    }

    private Optional<Appointment> book(Instant start, boolean freedSlot) {
        BookAppointmentRequest request = clinic.booking(clinic.bookingPatientId, start);
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        Optional<Appointment> booked = calls.untilAnswered(() -> throughBff.map(bff -> bff.apply(request))
                .orElseGet(() -> appointments().bookAppointment(request).getAppointment()), failures, refusal -> Optional.empty());
        bookings.add(new Booking(request.getIdempotencyKey(), start, booked.map(Appointment::getId), Instant.now(), failures,
                freedSlot));
        return booked;
    }

    private boolean cancel(Appointment appointment) {
        CancelAppointmentRequest request = CancelAppointmentRequest.newBuilder().setAppointmentId(appointment.getId())
                .setExpectedVersion(appointment.getVersion()).setCancelledBy(CancellingParty.CLINIC)
                .setReason("fault suite").build();
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        AtomicBoolean byAnEarlierTry = new AtomicBoolean();
        Optional<Appointment> cancelled = calls.untilAnswered(() -> appointments().cancelAppointment(request).getAppointment(),
                failures, noting(byAnEarlierTry,
                        refusal -> settled(appointment.getId(), now -> now.getStatus() == AppointmentStatus.CANCELLED)));
        changes.add(new Change(Kind.CANCELLATION, appointment.getId(), Optional.empty(), cancelled.isPresent(), failures,
                byAnEarlierTry.get()));
        return cancelled.isPresent();
    }

    private boolean move(Appointment appointment, Instant newStart) {
        RescheduleAppointmentRequest request = RescheduleAppointmentRequest.newBuilder().setAppointmentId(appointment.getId())
                .setExpectedVersion(appointment.getVersion())
                .setNewStart(com.google.protobuf.Timestamp.newBuilder().setSeconds(newStart.getEpochSecond())).build();
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        AtomicBoolean byAnEarlierTry = new AtomicBoolean();
        Optional<Appointment> moved = calls.untilAnswered(() -> appointments().rescheduleAppointment(request).getAppointment(),
                failures, noting(byAnEarlierTry,
                        refusal -> settled(appointment.getId(), now -> now.getStart().getSeconds() == newStart.getEpochSecond())));
        changes.add(new Change(Kind.MOVE, appointment.getId(), Optional.of(newStart), moved.isPresent(), failures,
                byAnEarlierTry.get()));
        return moved.isPresent();
    }

    /**
     * After a refusal on a retry (the version moved on, or the appointment is no longer booked): the appointment as it
     * is now, when it shows the change asked for, which an earlier try whose answer was lost then made.
     */
    private Optional<Appointment> settled(String appointmentId, Predicate<Appointment> changed) {
        Optional<Appointment> now = calls.untilAnswered(() -> appointments()
                .getAppointment(GetAppointmentRequest.newBuilder().setAppointmentId(appointmentId).build()).getAppointment(),
                new EnumMap<>(Status.Code.class), refusal -> Optional.empty());
        return now.filter(changed);
    }

    /** {@code settle}, noting in {@code settled} when it found the earlier try's effect. */
    private static <T> Function<StatusRuntimeException, Optional<T>> noting(
            AtomicBoolean settled, Function<StatusRuntimeException, Optional<T>> settle) {
        return refusal -> {
            Optional<T> earlier = settle.apply(refusal);
            earlier.ifPresent(found -> settled.set(true));
            return earlier;
        };
    }

    private org.medicore.contracts.appointment.v1.AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments() {
        return clinic.appointments("admin").withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private PatientServiceGrpc.PatientServiceBlockingStub patients() {
        return clinic.patients("admin").withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private static Instant instant(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond);
    }

    @Override
    public void close() {
        sending = false;
        clients.shutdownNow();
    }
}
