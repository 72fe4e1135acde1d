package org.medicore.notification.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages messages are written in; the tag is the templates' suffix and the formatting locale. */
public enum Language {
    ENGLISH("en"),
    GERMAN("de");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Language ofTag(String tag) {
        return withTag(tag).orElseThrow(() -> new IllegalArgumentException("no messages in language '" + tag + "'"));
    }

    /** The language of {@code tag}; empty for one there are no messages in, or none ("" is a patient who has not chosen). */
    public static Optional<Language> withTag(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst();
    }
}
