package org.medicore.support.port.paging;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PageTokensProperties {

    @Property
    void an_offset_reads_back_as_written(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int offset) {
        assertThat(PageTokens.offset(PageTokens.ofOffset(offset))).hasValue(offset);
    }

    @Property
    void parts_read_back_as_written(@ForAll("parts") List<String> parts) {
        assertThat(PageTokens.read(PageTokens.of(parts), parts.size())).contains(parts);
    }

    @Property
    void a_token_is_never_read_as_more_or_fewer_parts_than_it_has(@ForAll("parts") List<String> parts,
                                                                    @ForAll @IntRange(min = 1, max = 6) int count) {
        Optional<List<String>> read = PageTokens.read(PageTokens.of(parts), count);
        assertThat(read.isPresent()).isEqualTo(count == parts.size());
    }

    @Property(tries = 2000)
    void any_text_reads_as_a_token_or_as_nothing_without_an_exception(@ForAll @StringLength(max = 2000) String garbage,
                                                                      @ForAll @IntRange(min = 1, max = 4) int count) {
        assertThatNoException().isThrownBy(() -> {
            PageTokens.read(garbage, count);
            PageTokens.offset(garbage);
        });
    }

    @Property(tries = 2000)
    void any_bytes_in_base64url_read_as_a_token_or_as_nothing(@ForAll @Size(max = 300) byte[] bytes) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatNoException().isThrownBy(() -> PageTokens.read(token, 2));
        OptionalInt offset = PageTokens.offset(token);
        offset.ifPresent(value -> assertThat(value).isNotNegative());
    }

    @Property
    void a_negative_or_oversized_offset_is_no_offset(@ForAll("notOffsets") String written) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(written.getBytes(StandardCharsets.UTF_8));
        assertThat(PageTokens.offset(token)).isEmpty();
    }

    @Property
    void a_token_longer_than_the_bound_is_refused_unread(@ForAll @IntRange(min = PageTokens.MAX_LENGTH + 1, max = 50_000) int length) {
        assertThat(PageTokens.read("A".repeat(length), 1)).isEmpty();
        assertThat(PageTokens.offset("MA".repeat(length / 2 + 1))).isEmpty();
    }

    @Property
    void other_base64_spellings_are_not_tokens_of_this_format(@ForAll @IntRange(min = 0, max = 1_000_000) int offset) {
        byte[] written = Integer.toString(offset).getBytes(StandardCharsets.UTF_8);
        assertThat(PageTokens.offset(Base64.getUrlEncoder().encodeToString(written)))
                .as("padded").satisfiesAnyOf(read -> assertThat(read).isEmpty(),
                        read -> assertThat(written.length % 3).isZero());
        byte[] slashes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFE};
        assertThat(PageTokens.read(Base64.getEncoder().encodeToString(slashes), 1)).as("standard alphabet").isEmpty();
        assertThat(PageTokens.read(Base64.getMimeEncoder().encodeToString(new byte[80]), 1)).as("MIME lines").isEmpty();
    }

    @Example
    void the_tokens_billing_and_notification_handed_out_before_still_read() {
        String before = Base64.getUrlEncoder().withoutPadding().encodeToString("40".getBytes(StandardCharsets.UTF_8));
        assertThat(PageTokens.offset(before)).hasValue(40);
    }

    @Example
    void a_part_with_a_line_feed_a_negative_offset_or_an_empty_token_cannot_be_written() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PageTokens.of("a\nb", "c"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PageTokens.ofOffset(-1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PageTokens.of(""));
    }

    @Example
    void broken_utf8_is_no_token() {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[]{(byte) 0xC3, (byte) 0x28});
        assertThat(PageTokens.read(token, 1)).isEmpty();
    }

    @Provide
    Arbitrary<List<String>> parts() {
        Arbitrary<String> part = Arbitraries.strings().all().excludeChars('\n').ofMaxLength(40)
                .filter(text -> text.chars().noneMatch(unit -> Character.isSurrogate((char) unit)));
        return part.list().ofMinSize(1).ofMaxSize(5).filter(parts -> !parts.equals(List.of("")));
    }

    @Provide
    Arbitrary<String> notOffsets() {
        return Arbitraries.oneOf(
                Arbitraries.integers().lessOrEqual(-1).map(Object::toString),
                Arbitraries.longs().between(Integer.MAX_VALUE + 1L, Long.MAX_VALUE).map(Object::toString),
                Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.of("+", " ", "0", "x", "\n1"))
                        .as((number, noise) -> noise + number),
                Arbitraries.of("", "1e3", "0x10", "٣", "1.0", "99999999999999999999"));
    }
}
