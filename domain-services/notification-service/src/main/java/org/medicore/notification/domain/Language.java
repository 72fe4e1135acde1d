package org.medicore.notification.domain;

import java.util.Arrays;
import java.util.Locale;

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
        return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no messages in language '" + tag + "'"));
    }
}
