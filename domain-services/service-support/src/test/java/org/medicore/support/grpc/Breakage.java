package org.medicore.support.grpc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.medicore.support.port.Uuids;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One field of a request written malformed, for the properties that break any mix of a request's
 * fields and expect exactly those named in the refusal: the field's path, how it is broken (what
 * jqwik shows of a failing try), and the change to the request's builder. Shared through
 * service-support's test-jar.
 */
public record Breakage<B>(String field, String how, UnaryOperator<B> apply) {

    @Override
    public String toString() {
        return field + " " + how;
    }

    /** Each of {@code fields} broken or not, in one of its ways; at least one broken. */
    @SafeVarargs
    public static <B> Arbitrary<List<Breakage<B>>> anyMix(Arbitrary<Breakage<B>>... fields) {
        return Combinators.combine(Arrays.stream(fields).map(field -> field.injectNull(0.5)).toList())
                .as(broken -> broken.stream().filter(Objects::nonNull).toList())
                .filter(broken -> !broken.isEmpty());
    }

    /** {@code request} with every breakage applied. */
    public static <B> B applied(B request, List<Breakage<B>> broken) {
        broken.forEach(breakage -> breakage.apply().apply(request));
        return request;
    }

    /** The fields the breakages name, as a refusal should name them. */
    public static List<String> fields(List<? extends Breakage<?>> broken) {
        return broken.stream().map(Breakage::field).toList();
    }

    /** Text that is no id in the canonical form ({@link Uuids}): any short text, or an id in braces. */
    public static Arbitrary<String> notUuids() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                        Arbitraries.create(UUID::randomUUID).map(id -> "{" + id + "}"))
                .filter(value -> !Uuids.isUuid(value));
    }
}
