package org.medicore.bench;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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

    private final ConcurrentMap<Status.Code, String> refusalsSeen = new ConcurrentHashMap<>();
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
        return Map.copyOf(refusalsSeen);
    }

    /**
     * The call's answer, retried while it fails retryably and the workload's last moment has not passed. A refusal
     * (ABORTED, FAILED_PRECONDITION or ALREADY_EXISTS) after a failed try goes to {@code settle}, which answers when
     * the earlier try took; then the refusal is no failure. Failures met are counted in {@code failures}.
     */
    <T> Optional<T> untilAnswered(Supplier<T> call, Map<Status.Code, Integer> failures,
                                  Function<StatusRuntimeException, Optional<T>> settle) {
        Duration pause = Duration.ofMillis(100);
        boolean retried = false;
        while (true) {
            try {
                return Optional.of(call.get());
            } catch (StatusRuntimeException failure) {
                Status.Code code = failure.getStatus().getCode();
                if (retried && SETTLED_BY_AN_EARLIER_TRY.contains(code)) {
                    Optional<T> earlier = settle.apply(failure);
                    if (earlier.isPresent()) {
                        return earlier;
                    }
                }
                failures.merge(code, 1, Integer::sum);
                if (!RETRYABLE.contains(code)) {
                    refusalsSeen.putIfAbsent(code, "'%s' at %s%s".formatted(failure.getStatus().getDescription(), Instant.now(),
                            failure.getCause() == null ? "" : " caused by " + failure.getCause()));
                    return Optional.empty();
                }
            } catch (RuntimeException failure) {
                // A token that could not be had (Keycloak away) is a retryable failure of the client's own.
                failures.merge(Status.Code.UNAVAILABLE, 1, Integer::sum);
            }
            if (givingUp()) {
                return Optional.empty();
            }
            retried = true;
            try {
                Thread.sleep(pause.plusMillis((long) (Math.random() * pause.toMillis())));
            } catch (InterruptedException e) {
                return Optional.empty();
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
        }
    }
}
