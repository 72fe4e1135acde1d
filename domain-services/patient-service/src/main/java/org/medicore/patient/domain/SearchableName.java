package org.medicore.patient.domain;

import java.text.Normalizer;
import java.util.Locale;

/** A name as searches compare it: lower case, without accents or surrounding blanks. */
public record SearchableName(String family, String given) {

    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
