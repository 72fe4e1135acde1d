package org.medicore.lab.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a report is about the patient it was uploaded for: the printed name must hold the
 * record's family name and one of its given names (case, accents, order and commas do not
 * matter; an initial stands for a given name), a printed date of birth must be the record's, and
 * a printed patient id that is a MediCore id must be the record's. No name, date of birth or id
 * at all is a finding too: nothing can be attached to a record the report does not name.
 */
public final class PatientMatch {

    private static final Pattern RECORD_ID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "herr", "frau");

    private PatientMatch() {
    }

    public static Optional<ReviewFinding> check(PrintedIdentity printed, PatientRecord record) {
        boolean comparableNumber = printed.patientNumber().filter(n -> RECORD_ID.matcher(n).matches()).isPresent();
        if (printed.name().isEmpty() && printed.dateOfBirth().isEmpty() && !comparableNumber) {
            return Optional.of(ReviewFinding.aboutReport(ReviewFinding.Kind.NO_IDENTITY,
                    "the report prints no patient name, date of birth or MediCore patient id"
                            + printed.patientNumber().map(n -> " (only the number " + n + ", which the record does not hold)").orElse("")
                            + "; the record is " + record.describe()));
        }
        boolean nameDiffers = printed.name().filter(name -> !sameName(name, record)).isPresent();
        boolean birthDiffers = printed.dateOfBirth().filter(day -> !record.dateOfBirth().map(day::equals).orElse(false)).isPresent();
        boolean idDiffers = comparableNumber && !printed.patientNumber().get().equalsIgnoreCase(record.id());
        if (!nameDiffers && !birthDiffers && !idDiffers) {
            return Optional.empty();
        }
        return Optional.of(ReviewFinding.aboutReport(ReviewFinding.Kind.PATIENT_MISMATCH,
                "the report names " + describe(printed) + "; the record is " + record.describe()));
    }

    private static String describe(PrintedIdentity printed) {
        StringBuilder text = new StringBuilder(printed.name().orElse("no one by name"));
        printed.dateOfBirth().ifPresent(day -> text.append(", born ").append(day));
        printed.patientNumber().ifPresent(number -> text.append(", patient id ").append(number));
        return text.toString();
    }

    static boolean sameName(String printed, PatientRecord record) {
        List<String> words = words(printed);
        List<String> family = words(record.familyName());
        List<String> given = words(record.givenName());
        boolean familyPrinted = !family.isEmpty() && words.containsAll(family);
        boolean givenPrinted = given.stream().anyMatch(name -> words.contains(name)
                || words.contains(name.substring(0, 1)));
        return familyPrinted && givenPrinted;
    }

    private static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^a-z]+")).filter(word -> !word.isEmpty() && !TITLES.contains(word)).toList();
    }
}
