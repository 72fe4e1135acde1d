package org.medicore.patient.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Any way a browser or a partner writes English or German is kept as "en" or "de"; every other language is refused. */
class PreferredLanguageProperties {

    @Property(tries = 300)
    void english_and_german_in_any_case_and_region_are_kept_as_the_language_alone(@ForAll("spokenTags") String tag) {
        PreferredLanguage language = new PreferredLanguage(tag);
        Violations violations = new Violations();
        language.check("preferred_language", violations);

        assertThat(language.tag()).isEqualTo(tag.strip().substring(0, 2).toLowerCase(Locale.ROOT));
        assertThat(violations.list()).isEmpty();
    }

    @Property(tries = 300)
    void a_language_the_clinic_does_not_speak_is_named_as_the_invalid_field(@ForAll("otherTags") String tag) {
        Violations violations = new Violations();
        new PreferredLanguage(tag).check("preferred_language", violations);

        assertThat(violations.list()).extracting(FieldViolation::field).containsExactly("preferred_language");
    }

    @Provide
    Arbitrary<String> spokenTags() {
        Arbitrary<String> language = Arbitraries.of("en", "EN", "En", "de", "DE", "dE");
        Arbitrary<String> region = Arbitraries.of("", "-DE", "-at", "-GB", "-US", "-CH", "-419", "-Latn-DE");
        Arbitrary<String> space = Arbitraries.of("", " ", "\t");
        return Combinators.combine(space, language, region, space).as((a, l, r, b) -> a + l + r + b);
    }

    @Provide
    Arbitrary<String> otherTags() {
        Arbitrary<String> wellFormed = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(3)
                .filter(l -> !l.equals("en") && !l.equals("de"));
        Arbitrary<String> malformed = Arbitraries.of("de_DE", "de-", "-de", "d", "en english", "de-toolongsubtag", "1de");
        return Arbitraries.oneOf(wellFormed, malformed);
    }
}
