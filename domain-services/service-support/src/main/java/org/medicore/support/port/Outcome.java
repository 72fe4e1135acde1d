package org.medicore.support.port;

import java.util.Objects;
import java.util.function.Function;

/**
 * What every use case answers its caller: its result, or the {@link Refusal} that says why not. The
 * driving adapter translates a refusal once ({@code GrpcErrors.refused}); a failure nobody can fix
 * (a store down, a bug) is an exception, never an outcome.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /** The same refusal, or {@code change} applied to the result. */
    default <R> Outcome<R> map(Function<? super T, ? extends R> change) {
        return switch (this) {
            case Done<T> done -> done(change.apply(done.value()));
            case Refused<T> refused -> refused(refused.refusal());
        };
    }
}
