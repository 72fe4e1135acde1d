package org.medicore.patient.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language the patient wants to be addressed in, as a BCP 47 language subtag, or none chosen
 * (empty). The clinic speaks English and German only, and writes no regional variants, so a tag is
 * kept as its language alone: "DE", "de-DE" and "de-AT" are all "de"; a tag that is not well formed
 * stays as given, and {@link #check} refuses it like any other language the clinic does not speak.
 */
public record PreferredLanguage(String tag) {

    /** A language subtag, then any subtags (region, script, ...), as browsers send them. */
    private static final Pattern WELL_FORMED = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");
    private static final Set<String> SPOKEN_BY_THE_CLINIC = Set.of("en", "de");

    public static final PreferredLanguage NOT_CHOSEN = new PreferredLanguage("");

    public PreferredLanguage {
        tag = tag == null ? "" : tag.strip();
        if (WELL_FORMED.matcher(tag).matches()) {
            tag = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        }
    }

    public boolean isChosen() {
        return !tag.isEmpty();
    }

    void check(String path, Violations violations) {
        if (isChosen() && !SPOKEN_BY_THE_CLINIC.contains(tag)) {
            violations.add(path, "must be a language the clinic speaks: en or de");
        }
    }
}
