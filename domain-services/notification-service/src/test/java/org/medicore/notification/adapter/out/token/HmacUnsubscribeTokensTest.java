package org.medicore.notification.adapter.out.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.medicore.notification.application.port.out.ReadUnsubscribeTokens;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.UnsubscribeToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unsubscribe link's token, which anybody can send to the unsubscribe page: what this service
 * signed reads back as it was; anything else, changed in any character, cut short, lengthened, or
 * made of other characters (control characters, Unicode, padding, percent escapes), is refused and
 * never throws.
 */
class HmacUnsubscribeTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(90);
    private final HmacUnsubscribeTokens tokens = new HmacUnsubscribeTokens("a secret of at least thirty-two bytes!", List.of(), VALIDITY);

    @Property
    void a_token_this_service_signed_reads_back_as_it_was_until_it_expires(@ForAll("patients") UUID patient,
                                                                        @ForAll Channel channel,
                                                                        @ForAll @IntRange(min = 0, max = 89) int daysLater) {
        String token = tokens.issue(patient, channel, NOW);

        assertThat(token).hasSize(56).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.read(token, NOW.plus(Duration.ofDays(daysLater))))
                .isEqualTo(new ReadUnsubscribeTokens.Reading.Valid(new UnsubscribeToken(patient, channel, NOW.plus(VALIDITY))));
    }

    @Property
    void a_token_is_refused_once_its_time_is_over_still_naming_whose_it_was(@ForAll("patients") UUID patient,
                                                                          @ForAll Channel channel,
                                                                          @ForAll @IntRange(min = 0, max = 100_000) int secondsLate) {
        String token = tokens.issue(patient, channel, NOW);

        assertThat(tokens.read(token, NOW.plus(VALIDITY).plusSeconds(secondsLate)))
                .isInstanceOf(ReadUnsubscribeTokens.Reading.Expired.class);
    }

    @Property
    void a_token_changed_in_any_one_character_is_refused(@ForAll("patients") UUID patient, @ForAll Channel channel,
                                                       @ForAll @IntRange(min = 0, max = 55) int position,
                                                       @ForAll("tokenCharacters") char replacement) {
        String token = tokens.issue(patient, channel, NOW);
        String changed = token.substring(0, position) + replacement + token.substring(position + 1);

        if (!changed.equals(token)) {
            assertThat(tokens.read(changed, NOW)).isNotInstanceOf(ReadUnsubscribeTokens.Reading.Valid.class)
                    .isNotInstanceOf(ReadUnsubscribeTokens.Reading.Expired.class);
        }
    }

    @Property
    void a_token_cut_short_or_lengthened_is_malformed(@ForAll("patients") UUID patient, @ForAll Channel channel,
                                                     @ForAll @IntRange(min = 0, max = 55) int keep,
                                                     @ForAll("tokenText") String added) {
        String token = tokens.issue(patient, channel, NOW);

        assertThat(tokens.read(token.substring(0, keep), NOW)).isInstanceOf(ReadUnsubscribeTokens.Reading.Malformed.class);
        if (!added.isEmpty()) {
            assertThat(tokens.read(token + added, NOW)).isInstanceOf(ReadUnsubscribeTokens.Reading.Malformed.class);
        }
    }

    @Property
    void a_token_with_a_character_no_token_has_is_malformed(@ForAll("patients") UUID patient, @ForAll Channel channel,
                                                          @ForAll @IntRange(min = 0, max = 55) int position,
                                                          @ForAll("foreignCharacters") String foreign) {
        String token = tokens.issue(patient, channel, NOW);
        String spoiled = token.substring(0, position) + foreign + token.substring(position + 1);

        assertThat(tokens.read(spoiled, NOW)).isInstanceOf(ReadUnsubscribeTokens.Reading.Malformed.class);
    }

    @Property
    void any_text_at_all_is_answered_without_throwing(@ForAll String anything) {
        assertThat(tokens.read(anything, NOW)).isNotNull();
    }

    @Property
    void a_token_signed_with_another_secret_is_forged(@ForAll("patients") UUID patient, @ForAll Channel channel) {
        HmacUnsubscribeTokens elsewhere = new HmacUnsubscribeTokens("another secret, just as long as ours!", List.of(), VALIDITY);

        assertThat(tokens.read(elsewhere.issue(patient, channel, NOW), NOW))
                .isInstanceOf(ReadUnsubscribeTokens.Reading.Forged.class);
    }

    @Property
    void a_token_for_one_channel_never_reads_as_the_other(@ForAll("patients") UUID patient) {
        String email = tokens.issue(patient, Channel.EMAIL, NOW);

        assertThat(tokens.read(email, NOW)).isInstanceOfSatisfying(ReadUnsubscribeTokens.Reading.Valid.class,
                valid -> assertThat(valid.token().channel()).isEqualTo(Channel.EMAIL));
    }

    @Example
    void nothing_and_null_are_malformed() {
        assertThat(tokens.read("", NOW)).isInstanceOf(ReadUnsubscribeTokens.Reading.Malformed.class);
        assertThat(tokens.read(null, NOW)).isInstanceOf(ReadUnsubscribeTokens.Reading.Malformed.class);
    }

    @Example
    void a_short_secret_is_refused_at_start() {
        assertThatThrownBy(() -> new HmacUnsubscribeTokens("too short", List.of(), VALIDITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new HmacUnsubscribeTokens("a secret of at least thirty-two bytes!", List.of("short"), VALIDITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a previous unsubscribe secret must have at least 32 bytes");
    }

    @Property
    void after_a_rotation_links_signed_before_still_work_and_new_links_use_the_new_secret(@ForAll("patients") UUID patient,
                                                                                         @ForAll Channel channel) {
        HmacUnsubscribeTokens rotated = new HmacUnsubscribeTokens("the next secret, as long as the last one",
                List.of("a secret of at least thirty-two bytes!"), VALIDITY);
        String mailedBefore = tokens.issue(patient, channel, NOW);
        String mailedAfter = rotated.issue(patient, channel, NOW);

        assertThat(rotated.read(mailedBefore, NOW)).isInstanceOf(ReadUnsubscribeTokens.Reading.Valid.class);
        assertThat(rotated.read(mailedAfter, NOW)).isInstanceOf(ReadUnsubscribeTokens.Reading.Valid.class);
        assertThat(tokens.read(mailedAfter, NOW)).as("the old secret alone does not read the new links")
                .isInstanceOf(ReadUnsubscribeTokens.Reading.Forged.class);
        HmacUnsubscribeTokens retired = new HmacUnsubscribeTokens("the next secret, as long as the last one", List.of(), VALIDITY);
        assertThat(retired.read(mailedBefore, NOW)).as("a secret dropped from the previous ones signs nothing any more")
                .isInstanceOf(ReadUnsubscribeTokens.Reading.Forged.class);
    }

    @Provide
    Arbitrary<UUID> patients() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    @Provide
    Arbitrary<Character> tokenCharacters() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray());
    }

    @Provide
    Arbitrary<String> tokenText() {
        return tokenCharacters().list().ofMaxSize(60).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    /** Control characters, padding, percent escapes, spaces, the standard base64 alphabet's + and /, and beyond ASCII. */
    @Provide
    Arbitrary<String> foreignCharacters() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf),
                Arbitraries.of("\u007f", "=", "%", "%41", "+", "/", " ", "\t", "\r\n", ".", "é", "\u200b", "\ud83d\ude00",
                        "\ufeff", "\u0130"),
                Arbitraries.chars().range('\u0080', '\uffff').filter(c -> !Character.isSurrogate(c)).map(String::valueOf));
    }
}
