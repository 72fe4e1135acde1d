package org.medicore.support.audit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Any personal value comes back as it was while its key exists, and reads as erased once it is gone. */
class SealedValueProperties {

    private final DataKey key = new DataKey(UUID.randomUUID().toString(), AesGcm.newKey());

    @Property(tries = 500)
    void aSealedValueOpensToItselfWhileItsKeyExists(@ForAll("personalValues") String value) {
        String sealed = SealedValue.seal(key, value);

        assertThat(SealedValue.open(sealed, List.of(key.keyId()), Map.of(key.keyId(), key))).isEqualTo(value);
    }

    @Property(tries = 200)
    void aSealedValueReadsAsErasedWithoutItsKeyOrWithAnotherOne(@ForAll("personalValues") String value) {
        String sealed = SealedValue.seal(key, value);
        DataKey another = new DataKey(key.keyId(), AesGcm.newKey());

        assertThat(SealedValue.open(sealed, List.of(key.keyId()), Map.of())).isEqualTo(SealedValue.ERASED);
        assertThat(SealedValue.open(sealed, List.of(key.keyId()), Map.of(key.keyId(), another))).isEqualTo(SealedValue.ERASED);
    }

    @Property(tries = 200)
    void textThatOnlyLooksSealedIsShownAsSent(@ForAll("personalValues") String value) {
        String sealed = SealedValue.seal(key, value);

        assertThat(SealedValue.open(sealed, List.of(), Map.of(key.keyId(), key))).isEqualTo(sealed);
    }

    /**
     * Any Unicode text: control characters, characters beyond the BMP, up to 5,000 code points. Lone surrogates are
     * left out: they are no text PostgreSQL or UTF-8 can hold.
     */
    @Provide
    Arbitrary<String> personalValues() {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0x1F),
                Arbitraries.integers().between(0x20, 0x2FF),
                Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(point -> point < Character.MIN_SURROGATE || point > Character.MAX_SURROGATE));
        return codePoint.list().ofMaxSize(5_000)
                .map(points -> points.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }
}
