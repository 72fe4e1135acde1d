package org.medicore.bench;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.CompleteAppointmentRequest;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.billing.v1.BatchGetInvoicesByAppointmentsRequest;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.PaymentMethod;
import org.medicore.contracts.billing.v1.RecordPaymentRequest;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chargeable visits at a steady rate, each followed to its payment, every other one of each kind. A late cancellation:
 * a slot of the workload's own practitioner within the next 24 hours is booked for the workload's own patient, the
 * patient cancels it (the admin names the PATIENT as the cancelling party, as the contract allows staff to), so billing
 * owes a late-cancellation fee. A completed visit: a practitioner of its own whose one slot begins at a whole minute
 * shortly after (a visit can only be completed once it has begun, as {@link CompletionToInvoice} books them) is booked
 * for a patient of its own, the workload waits until the visit has begun and completes it, so billing owes the visit.
 * Either way the workload waits until billing answers with the appointment's invoice and pays its balance with an
 * idempotency key of its own. Every call is retried with the same request after a growing pause with jitter while it
 * fails retryably, as {@link BookingWorkload} does; a cancellation or completion refused on a retry is settled by
 * reading the appointment. What each visit ended as is kept for {@link BillingChecks}.
 */
final class BillingWorkload implements AutoCloseable {

    /**
     * Far enough ahead (the first slot is on the next whole hour after it) that a cancellation retried through a long
     * fault still comes before the start.
     */
    private static final Duration FIRST_SLOT_AHEAD = Duration.ofHours(1);
    /** Near enough that the patient's cancellation is late however long it took: billing charges from 24 h before. */
    private static final Duration LAST_SLOT_AHEAD = Duration.ofHours(23);
    /** The practitioner's working day in UTC: every 5-minute slot of the day but the last. */
    private static final LocalTime DAY_ENDS = LocalTime.of(23, 55);
    private static final Duration POLL_INVOICE = Duration.ofMillis(500);
    /**
     * How far ahead a visit to be completed begins at the least: its booking, retried through a fault, must come
     * before the start, and the wait until it has begun is time the visit only sleeps.
     */
    private static final Duration COMPLETED_VISIT_AHEAD = Duration.ofSeconds(90);
    /** The latest a visit to be completed is booked before it begins: a try takes at most its 5 s deadline, and more under load. */
    private static final Duration LAST_BOOKING_BEFORE_START = Duration.ofSeconds(30);
    /** The longest a visit to be completed waits until it has begun: the drain gives its calls that much more. */
    private static final Duration LONGEST_WAIT_UNTIL_BEGUN = COMPLETED_VISIT_AHEAD.plusMinutes(1);

    /**
     * One visit: what billing is to charge for it ({@code charge}: a late cancellation or the visit), booked (the
     * appointment), cancelled late by the patient or completed ({@code chargeable}: acknowledged so), its invoice as
     * billing answered it, and its payment ({@code paymentKey}, answered with {@code paymentId}); the failures met on
     * the way.
     */
    record ChargedVisit(ChargeReason charge, Optional<String> appointmentId, boolean chargeable, Optional<String> invoiceId,
                        String paymentKey, Optional<String> paymentId, Map<Status.Code, Integer> failures) {

        boolean paid() {
            return paymentId.isPresent();
        }
    }

    private final Clinic clinic;
    private final double perSecond;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<ChargedVisit> visits = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final CarefulClient calls = new CarefulClient();
    private final AtomicLong visitsStarted = new AtomicLong();
    private Instant lastSlot = Instant.MIN;
    private String practitionerId = "";
    private String patientId = "";
    private final Set<String> patientIds = ConcurrentHashMap.newKeySet();

    /** At {@code perSecond} visits a second; at 0 or less it makes none. */
    BillingWorkload(Clinic clinic, double perSecond) {
        this.clinic = clinic;
        this.perSecond = perSecond;
    }

    boolean running() {
        return perSecond > 0;
    }

    /**
     * Makes the workload's practitioner and patient, retried as the visits are: on a loaded machine a registration can
     * outlast its deadline while DynamoDB Local waits for its table lock (a full suite run ended so before its first
     * fault), and an answer lost that way is not a reason to stop the suite.
     */
    void start() {
        if (!running()) {
            return;
        }
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        practitionerId = calls.untilAnswered(() -> clinic.newPractitioner("Late " + clinic.run, ZoneOffset.UTC,
                        Clinic.SLOT_MINUTES, LocalTime.MIDNIGHT, DAY_ENDS), failures, refusal -> Optional.empty())
                .orElseThrow(() -> notMade("practitioner"));
        RegisterPatientRequest registration = clinic.registration("Late canceller " + clinic.run);
        patientId = calls.untilAnswered(() -> clinic.patients("admin").registerPatient(registration).getPatient().getId(),
                failures, BookingWorkload::registeredBefore).orElseThrow(() -> notMade("patient"));
        patientIds.add(patientId);
        pacer.scheduleAtFixedRate(() -> clients.execute(
                visitsStarted.getAndIncrement() % 2 == 0 ? this::lateCancellation : this::completedVisit), 0, (long) (1e9 / perSecond), TimeUnit.NANOSECONDS);
    }

    private IllegalStateException notMade(String what) {
        return new IllegalStateException("the billing workload's " + what + " could not be made: " + calls.refusalsSeen());
    }

    /** The workload's patients: the late canceller and the patient of each completed visit. */
    Set<String> patientIds() {
        return Set.copyOf(patientIds);
    }

    /**
     * Stops sending new visits; those under way retry until {@code drain} has passed, and a visit to be completed the
     * time it may still wait until it has begun, then give up.
     */
    void stop(Duration drain) {
        pacer.shutdown();
        calls.giveUpAfter(drain.plus(LONGEST_WAIT_UNTIL_BEGUN));
    }

    /** What each visit ended as, once those under way after {@link #stop} have answered or given up. */
    List<ChargedVisit> drained() throws InterruptedException {
        clients.shutdown();
        clients.awaitTermination(Duration.between(Instant.now(), calls.giveUpAt()).toSeconds() + 30, TimeUnit.SECONDS);
        return List.copyOf(visits);
    }

    /** For each code a client may not retry, what the first such failure said and when. */
    Map<Status.Code, String> refusalsSeen() {
        return calls.refusalsSeen();
    }

    private void lateCancellation() {
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        String paymentKey = UUID.randomUUID().toString();
        BookAppointmentRequest booking = BookAppointmentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
                .setPatientId(patientId).setPractitionerId(practitionerId)
                .setStart(Timestamp.newBuilder().setSeconds(nextSlot().getEpochSecond()))
                .setAppointmentType(AppointmentType.LAB_VISIT).build();
        Optional<Appointment> booked = calls.untilAnswered(() -> appointments().bookAppointment(booking).getAppointment(), failures,
                refusal -> Optional.empty());
        Optional<Appointment> cancelled = booked.flatMap(appointment -> cancel(appointment, failures));
        boolean late = cancelled.map(appointment -> appointment.getCancellation().getLate()).orElse(false);
        Optional<Invoice> invoice = late ? invoiceOf(cancelled.get().getId(), ChargeReason.LATE_CANCELLATION, failures)
                : Optional.empty();
        Optional<String> paymentId = invoice.flatMap(issued -> pay(issued, paymentKey, failures));
        visits.add(new ChargedVisit(ChargeReason.LATE_CANCELLATION, booked.map(Appointment::getId), late,
                invoice.map(Invoice::getId), paymentKey, paymentId, failures));
    }

    private void completedVisit() {
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        String paymentKey = UUID.randomUUID().toString();
        // A patient of its own: the visits begin at the same whole minutes, and a patient is in one visit at a time.
        RegisterPatientRequest registration = clinic.registration("Visit " + clinic.run + " " + UUID.randomUUID());
        Optional<String> patient = calls.untilAnswered(
                () -> clinic.patients("admin").registerPatient(registration).getPatient().getId(), failures,
                BookingWorkload::registeredBefore);
        patient.ifPresent(patientIds::add);
        Optional<VisitAhead> booked = patient.flatMap(visitor -> bookAhead(visitor, failures));
        Optional<Appointment> completed = booked.flatMap(visit -> complete(visit.appointment(), visit.begins(), failures));
        Optional<Invoice> invoice = completed.flatMap(visit -> invoiceOf(visit.getId(), ChargeReason.VISIT, failures));
        Optional<String> paymentId = invoice.flatMap(issued -> pay(issued, paymentKey, failures));
        visits.add(new ChargedVisit(ChargeReason.VISIT, booked.map(visit -> visit.appointment().getId()), completed.isPresent(),
                invoice.map(Invoice::getId), paymentKey, paymentId, failures));
    }

    /** A visit booked to begin at {@code begins}. */
    private record VisitAhead(Appointment appointment, Instant begins) {
    }

    /**
     * The patient's visit with a practitioner of its own whose one slot begins at a whole minute shortly after the
     * practitioner exists. A booking whose retries outlast that start (a long fault) is refused as in the past, which
     * only says the workload came too late: it books again with a new practitioner and a later start. Any other
     * refusal ends the visit as a failure.
     */
    private Optional<VisitAhead> bookAhead(String patient, Map<Status.Code, Integer> failures) {
        while (!calls.givingUp()) {
            Instant begins = Instant.now().plus(COMPLETED_VISIT_AHEAD).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            // The working day must not cross midnight where the practitioner works.
            ZoneId zone = begins.atZone(ZoneOffset.UTC).getHour() >= 23 ? ZoneId.of("Etc/GMT+12") : ZoneOffset.UTC;
            LocalTime from = begins.atZone(zone).toLocalTime();
            // A practitioner made twice by a retry whose first answer was lost stays without visits: no harm.
            Optional<String> practitioner = calls.untilAnswered(() -> clinic.newPractitioner("Visit " + clinic.run, zone,
                    Clinic.SLOT_MINUTES, from, from.plusMinutes(Clinic.SLOT_MINUTES)), failures, refusal -> Optional.empty());
            if (practitioner.isEmpty()) {
                return Optional.empty();
            }
            // A first try sent this close to the start could come after it; a new start is surer.
            if (Instant.now().isAfter(begins.minus(LAST_BOOKING_BEFORE_START))) {
                continue;
            }
            BookAppointmentRequest booking = clinic.booking(practitioner.get(), patient, begins);
            Optional<Optional<Appointment>> answered = calls.untilAnswered(
                    () -> Optional.of(appointments().bookAppointment(booking).getAppointment()), failures,
                    refusal -> cameTooLate(refusal, begins) ? Optional.of(Optional.empty()) : Optional.empty());
            if (answered.isEmpty()) {
                return Optional.empty();
            }
            if (answered.get().isPresent()) {
                return Optional.of(new VisitAhead(answered.get().get(), begins));
            }
        }
        return Optional.empty();
    }

    private static boolean cameTooLate(StatusRuntimeException refusal, Instant begins) {
        return refusal.getStatus().getCode() == Status.Code.FAILED_PRECONDITION && Instant.now().isAfter(begins);
    }

    /** The visit completed once it has begun; a completion refused on a retry is settled by reading the appointment. */
    private Optional<Appointment> complete(Appointment appointment, Instant begins, Map<Status.Code, Integer> failures) {
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), begins).toMillis() + 1_000));
        } catch (InterruptedException e) {
            return Optional.empty();
        }
        CompleteAppointmentRequest request = CompleteAppointmentRequest.newBuilder().setAppointmentId(appointment.getId())
                .setExpectedVersion(appointment.getVersion()).build();
        return calls.untilAnswered(() -> appointments().completeAppointment(request).getAppointment(), failures,
                refusal -> read(appointment.getId(), failures).filter(now -> now.getStatus() == AppointmentStatus.COMPLETED));
    }

    private Optional<Appointment> read(String appointmentId, Map<Status.Code, Integer> failures) {
        return calls.untilAnswered(() -> appointments().getAppointment(GetAppointmentRequest.newBuilder()
                .setAppointmentId(appointmentId).build()).getAppointment(), failures, again -> Optional.empty());
    }

    /** The next 5-minute slot between one and 23 hours ahead but 23:55; after the last, from the first again. */
    private synchronized Instant nextSlot() {
        Instant now = Instant.now();
        Instant first = now.plus(FIRST_SLOT_AHEAD).truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant next = lastSlot.plus(Clinic.SLOT_MINUTES, ChronoUnit.MINUTES);
        if (next.isBefore(first) || next.isAfter(now.plus(LAST_SLOT_AHEAD))) {
            next = first;
        }
        if (next.atZone(ZoneOffset.UTC).toLocalTime().equals(DAY_ENDS)) {
            next = next.plus(Clinic.SLOT_MINUTES, ChronoUnit.MINUTES);
        }
        lastSlot = next;
        return next;
    }

    private Optional<Appointment> cancel(Appointment appointment, Map<Status.Code, Integer> failures) {
        CancelAppointmentRequest request = CancelAppointmentRequest.newBuilder().setAppointmentId(appointment.getId())
                .setExpectedVersion(appointment.getVersion()).setCancelledBy(CancellingParty.PATIENT)
                .setReason("fault suite: the patient cannot come").build();
        return calls.untilAnswered(() -> appointments().cancelAppointment(request).getAppointment(), failures,
                refusal -> read(appointment.getId(), failures).filter(now -> now.getStatus() == AppointmentStatus.CANCELLED));
    }

    /** The appointment's invoice for {@code charge}, once billing has issued it from the cancellation's or completion's event. */
    private Optional<Invoice> invoiceOf(String appointmentId, ChargeReason charge, Map<Status.Code, Integer> failures) {
        BatchGetInvoicesByAppointmentsRequest request = BatchGetInvoicesByAppointmentsRequest.newBuilder()
                .addAppointmentIds(appointmentId).build();
        while (true) {
            Optional<List<Invoice>> answer = calls.untilAnswered(() -> billing().batchGetInvoicesByAppointments(request)
                    .getInvoicesList(), failures, refusal -> Optional.empty());
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            Optional<Invoice> issued = answer.get().stream()
                    .filter(invoice -> invoice.getChargeReason() == charge).findFirst();
            if (issued.isPresent() || calls.givingUp()) {
                return issued;
            }
            try {
                Thread.sleep(POLL_INVOICE);
            } catch (InterruptedException e) {
                return Optional.empty();
            }
        }
    }

    private Optional<String> pay(Invoice invoice, String idempotencyKey, Map<Status.Code, Integer> failures) {
        RecordPaymentRequest request = RecordPaymentRequest.newBuilder().setIdempotencyKey(idempotencyKey)
                .setInvoiceId(invoice.getId()).setAmount(invoice.getBalanceDue()).setMethod(PaymentMethod.CARD)
                .setReference("fault suite").build();
        // No refusal is settled here: the key makes a repeat answer as the first try did.
        return calls.untilAnswered(() -> billing().recordPayment(request).getPayment().getId(), failures, refusal -> Optional.empty());
    }

    private AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments() {
        return clinic.appointments("admin").withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private BillingServiceGrpc.BillingServiceBlockingStub billing() {
        return clinic.billing("admin").withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        clients.shutdownNow();
    }
}
