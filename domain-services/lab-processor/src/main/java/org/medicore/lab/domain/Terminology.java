package org.medicore.lab.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LOINC codes and UCUM units of the analytes labs report most, read from the module's data files
 * ({@code terminology/analytes.csv}, {@code terminology/units.csv}) so that adding a synonym is a
 * data change. A name is coded only when the value's unit is of the same kind as the code's
 * (a glucose in mmol/L is not the mass-concentration code), and a text result only by a code
 * measured without a unit; otherwise the value carries no code rather than a wrong one.
 */
public final class Terminology {

    /** A LOINC code and the UCUM unit it is measured in (empty for qualitative codes). */
    public record Analyte(LoincCode code, String unit) {
    }

    private static final Map<String, List<Analyte>> BY_NAME = new HashMap<>();
    private static final Map<String, String> UCUM = new HashMap<>();

    static {
        for (String[] row : rows("terminology/analytes.csv")) {
            Analyte analyte = new Analyte(new LoincCode(row[0]), row[1]);
            for (String name : row[2].split("\\|")) {
                BY_NAME.computeIfAbsent(normalised(name), n -> new ArrayList<>()).add(analyte);
            }
        }
        for (String[] row : rows("terminology/units.csv")) {
            UCUM.put(unitKey(row[0]), row[1]);
        }
    }

    private Terminology() {
    }

    /** Whether labs print this as a test name. */
    public static boolean isAnalyte(String name) {
        return BY_NAME.containsKey(normalised(name));
    }

    /** The code for a test printed as {@code name} with a value in {@code ucumUnit} (empty for none). */
    public static Optional<LoincCode> codeFor(String name, String ucumUnit, boolean numeric) {
        List<Analyte> candidates = BY_NAME.getOrDefault(normalised(name), List.of());
        if (!numeric) {
            return candidates.stream().filter(a -> a.unit().isEmpty()).map(Analyte::code).findFirst();
        }
        if (ucumUnit.isEmpty()) {
            return candidates.stream().filter(a -> !a.unit().isEmpty()).map(Analyte::code).findFirst();
        }
        String kind = kind(ucumUnit);
        return candidates.stream().filter(a -> !a.unit().isEmpty() && kind(a.unit()).equals(kind))
                .map(Analyte::code).findFirst();
    }

    /** The UCUM form of a printed unit; the printed unit itself when it is not a known one. */
    public static String ucum(String printed) {
        return UCUM.getOrDefault(unitKey(printed), printed);
    }

    /** Names compared without case, accents, punctuation and spacing: "Bilirubin, total" is "bilirubin total". */
    public static String normalised(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%#/]+", " ").trim();
    }

    /** What a unit measures, so codes of another kind (mass vs moles) are never taken. */
    static String kind(String ucum) {
        String unit = ucum.toLowerCase(Locale.ROOT);
        if (unit.contains("mol") || unit.contains("eq/")) {
            return "amount";
        }
        if (unit.matches("^[munpk]?g/.*")) {
            return "mass";
        }
        if (unit.startsWith("10*") || unit.contains("[hpf]")) {
            return "count";
        }
        if (unit.equals("%") || unit.equals("l/l")) {
            return "fraction";
        }
        if (unit.matches(".*\\bu/.*|.*\\[iu]/.*")) {
            return "activity";
        }
        return unit;
    }

    private static String unitKey(String unit) {
        return unit.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Terminology.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
