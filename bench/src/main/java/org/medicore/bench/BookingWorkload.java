package org.medicore.bench;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bookings at a steady rate over gRPC, each the next free slot with its own idempotency key, as
 * a careful partner client makes them: a retryable failure is retried with the same request
 * (same key) after a growing pause with jitter until it is answered or the workload's last
 * moment has passed. What each booking ended as is kept for the checker.
 */
final class BookingWorkload implements AutoCloseable {

    /** What a client may retry: the service was away or too slow, nothing was refused. */
    static final Set<Status.Code> RETRYABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

    /** One booking: answered with its appointment id, or given up; the failures it met on the way. */
    record Booking(String idempotencyKey, Instant start, Optional<String> appointmentId, Instant answeredAt,
                   Map<Status.Code, Integer> failures) {
    }

    private final Clinic clinic;
    private final double perSecond;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Booking> bookings = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Instant> giveUpAt = new AtomicReference<>(Instant.MAX);
    private volatile boolean sending = true;
    private Thread pacer;

    BookingWorkload(Clinic clinic, double perSecond) {
        this.clinic = clinic;
        this.perSecond = perSecond;
    }

    void start() {
        long pauseNanos = (long) (1e9 / perSecond);
        pacer = Thread.ofPlatform().name("booking-pacer").daemon().start(() -> {
            long next = System.nanoTime();
            while (sending) {
                clients.execute(this::book);
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

    /** Stops sending new bookings; those under way retry until {@code drain} has passed, then give up. */
    List<Booking> stopAndDrain(Duration drain) throws InterruptedException {
        sending = false;
        pacer.join();
        giveUpAt.set(Instant.now().plus(drain));
        clients.shutdown();
        clients.awaitTermination(drain.toSeconds() + 30, TimeUnit.SECONDS);
        return List.copyOf(bookings);
    }

    private void book() {
        BookAppointmentRequest request = clinic.booking(clinic.bookingPatientId, clinic.nextStart());
        Map<Status.Code, Integer> failures = new EnumMap<>(Status.Code.class);
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                String id = clinic.appointments("admin").withDeadlineAfter(5, TimeUnit.SECONDS).bookAppointment(request)
                        .getAppointment().getId();
                bookings.add(new Booking(request.getIdempotencyKey(), instant(request), Optional.of(id), Instant.now(), failures));
                return;
            } catch (StatusRuntimeException failure) {
                failures.merge(failure.getStatus().getCode(), 1, Integer::sum);
                if (!RETRYABLE.contains(failure.getStatus().getCode()) || Instant.now().isAfter(giveUpAt.get())) {
                    givenUp(request, failures);
                    return;
                }
            } catch (RuntimeException failure) {
                // A token that could not be had (Keycloak away) is a retryable failure of the client's own.
                failures.merge(Status.Code.UNAVAILABLE, 1, Integer::sum);
                if (Instant.now().isAfter(giveUpAt.get())) {
                    givenUp(request, failures);
                    return;
                }
            }
            try {
                Thread.sleep(pause.plusMillis((long) (Math.random() * pause.toMillis())));
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
        }
    }

    private void givenUp(BookAppointmentRequest request, Map<Status.Code, Integer> failures) {
        bookings.add(new Booking(request.getIdempotencyKey(), instant(request), Optional.empty(), Instant.now(), failures));
    }

    private static Instant instant(BookAppointmentRequest request) {
        return Instant.ofEpochSecond(request.getStart().getSeconds());
    }

    @Override
    public void close() {
        sending = false;
        clients.shutdownNow();
    }
}
