package org.medicore.bench;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a careful partner client meets failures, shared by the fault suite's workloads: a retryable failure is retried
 * with the same request after a growing pause with jitter until it is answered or the workload's last moment has
 * passed; a refusal that only says an earlier try took is settled by the caller; any other refusal ends the call and
 * its first words are kept.
 */
final class CarefulClient {

    /** What a client may retry: the service was away or too slow, nothing was refused. */
    static final Set<Status.Code> RETRYABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

    /** What a retry may be refused with because an earlier try, whose answer was lost, took. */
    private static final Set<Status.Code> SETTLED_BY_AN_EARLIER_TRY = Set.of(Status.Code.ABORTED,
            Status.Code.FAILED_PRECONDITION, Status.Code.ALREADY_EXISTS);

    /** A step that is no gRPC call (an HTTP request, a GraphQL operation): its answer, or how it failed. */
    interface Step<T> {
        T run() throws Failed;
    }

    /** A step's failure: its kind (a gRPC code's name, {@code S3 HTTP 503}, ...), and whether a client may try again. */
    static final class Failed extends Exception {

        private final String kind;
        private final boolean retryable;

        Failed(String kind, boolean retryable, String message) {
            super(message);
            this.kind = kind;
            this.retryable = retryable;
        }
    }

    /** What one try came to: an answer, a failure worth another try, or the end of the call. */
    private sealed interface Tried<T> {
        record Answered<T>(T answer) implements Tried<T> {
        }

        record TryAgain<T>() implements Tried<T> {
        }

        record Ended<T>() implements Tried<T> {
        }
    }

    private final ConcurrentMap<String, String> refusalsSeen = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> giveUpAt = new AtomicReference<>(Instant.MAX);

    /** From now on a call that still fails after {@code drain} gives up. */
    void giveUpAfter(Duration drain) {
        giveUpAt.set(Instant.now().plus(drain));
    }

    boolean givingUp() {
        return Instant.now().isAfter(giveUpAt.get());
    }

    Instant giveUpAt() {
        return giveUpAt.get();
    }

    /**
     * For each code a client may not retry, what the first such failure said and when: a refusal under a fault is
     * the defect the suite is there to find, and the code alone does not tell a service's answer from the transport's.
     */
    Map<Status.Code, String> refusalsSeen() {
        Map<Status.Code, String> byCode = new EnumMap<>(Status.Code.class);
        refusalsSeen.forEach((kind, first) -> Arrays.stream(Status.Code.values()).filter(code -> code.name().equals(kind))
                .findFirst().ifPresent(code -> byCode.put(code, first)));
        return byCode;
    }

    /** The same for {@link Step}s, by their failures' kinds. */
    Map<String, String> refusalsSeenByKind() {
        return new TreeMap<>(refusalsSeen);
    }

    /**
     * The call's answer, retried while it fails retryably and the workload's last moment has not passed. A refusal
     * (ABORTED, FAILED_PRECONDITION or ALREADY_EXISTS) after a failed try goes to {@code settle}, which answers when
     * the earlier try took; then the refusal is no failure. Failures met are counted in {@code failures}.
     */
    <T> Optional<T> untilAnswered(Supplier<T> call, Map<Status.Code, Integer> failures,
                                  Function<StatusRuntimeException, Optional<T>> settle) {
        AtomicBoolean retried = new AtomicBoolean();
        return withBackoff(() -> {
            try {
                return new Tried.Answered<>(call.get());
            } catch (StatusRuntimeException failure) {
                Status.Code code = lostConnection(failure) ? Status.Code.UNAVAILABLE : failure.getStatus().getCode();
                if (retried.getAndSet(true) && SETTLED_BY_AN_EARLIER_TRY.contains(code)) {
                    Optional<T> earlier = settle.apply(failure);
                    if (earlier.isPresent()) {
                        return new Tried.Answered<>(earlier.get());
                    }
                }
                failures.merge(code, 1, Integer::sum);
                if (!RETRYABLE.contains(code)) {
                    refusalsSeen.putIfAbsent(code.name(), "'%s' at %s%s".formatted(failure.getStatus().getDescription(),
                            Instant.now(), failure.getCause() == null ? "" : " caused by " + failure.getCause()));
                    return new Tried.Ended<>();
                }
            } catch (RuntimeException failure) {
                // A token that could not be had (Keycloak away) is a retryable failure of the client's own.
                failures.merge(Status.Code.UNAVAILABLE, 1, Integer::sum);
            }
            return new Tried.TryAgain<>();
        });
    }

    /** The step's answer, retried as {@link #untilAnswered} retries a call; failures met are counted by kind. */
    <T> Optional<T> untilDone(Step<T> step, Map<String, Integer> failures) {
        return withBackoff(() -> {
            try {
                return new Tried.Answered<>(step.run());
            } catch (Failed failure) {
                failures.merge(failure.kind, 1, Integer::sum);
                if (!failure.retryable) {
                    refusalsSeen.putIfAbsent(failure.kind, "'%s' at %s".formatted(failure.getMessage(), Instant.now()));
                    return new Tried.Ended<>();
                }
                return new Tried.TryAgain<>();
            }
        });
    }

    /**
     * grpc-java reports a connection closed under a call it was starting (the service killed) as UNKNOWN "channel
     * closed" with the transport's ClosedChannelException: the client's own transport failed, the service answered
     * nothing, so it is UNAVAILABLE to a careful client (each retried request carries its idempotency key or version).
     */
    private static boolean lostConnection(StatusRuntimeException failure) {
        return failure.getStatus().getCode() == Status.Code.UNKNOWN && failure.getCause() instanceof ClosedChannelException;
    }

    /** Tries until answered or ended, after a pause that doubles from 0.1 s to 2 s, with jitter, until giving up. */
    private <T> Optional<T> withBackoff(Supplier<Tried<T>> once) {
        Duration pause = Duration.ofMillis(100);
        while (true) {
            switch (once.get()) {
                case Tried.Answered<T> answered -> {
                    return Optional.of(answered.answer());
                }
                case Tried.Ended<T> ended -> {
                    return Optional.empty();
                }
                case Tried.TryAgain<T> again -> {
                    if (givingUp()) {
                        return Optional.empty();
                    }
                }
            }
            try {
                Thread.sleep(pause.plusMillis((long) (Math.random() * pause.toMillis())));
            } catch (InterruptedException e) {
                return Optional.empty();
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
        }
    }
}
