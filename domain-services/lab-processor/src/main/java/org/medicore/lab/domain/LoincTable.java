package org.medicore.lab.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The LOINC codes of the tests clinics order most: complete blood count, basic and
 * comprehensive metabolic panel, lipid panel and HbA1c, under the names labs print them with.
 */
public final class LoincTable {

    private static final Map<String, LoincCode> BY_NAME = new HashMap<>();

    static {
        // complete blood count
        code("718-7", "hemoglobin", "haemoglobin", "hgb", "hb");
        code("4544-3", "hematocrit", "haematocrit", "hct");
        code("6690-2", "wbc", "white blood cells", "white blood cell count", "leukocytes");
        code("789-8", "rbc", "red blood cells", "red blood cell count", "erythrocytes");
        code("777-3", "platelets", "platelet count", "plt");
        code("787-2", "mcv", "mean corpuscular volume");
        code("785-6", "mch", "mean corpuscular hemoglobin");
        code("786-4", "mchc", "mean corpuscular hemoglobin concentration");
        // basic and comprehensive metabolic panel
        code("2345-7", "glucose", "fasting glucose", "glucose fasting");
        code("2951-2", "sodium", "na");
        code("2823-3", "potassium", "k");
        code("2075-0", "chloride", "cl");
        code("2028-9", "co2", "carbon dioxide", "total co2", "bicarbonate");
        code("3094-0", "bun", "urea nitrogen", "blood urea nitrogen");
        code("2160-0", "creatinine");
        code("17861-6", "calcium", "ca");
        code("1751-7", "albumin");
        code("2885-2", "total protein", "protein total");
        code("1742-6", "alt", "alanine aminotransferase", "sgpt");
        code("1920-8", "ast", "aspartate aminotransferase", "sgot");
        code("6768-6", "alp", "alkaline phosphatase");
        code("1975-2", "bilirubin", "total bilirubin", "bilirubin total");
        // lipid panel
        code("2093-3", "total cholesterol", "cholesterol", "cholesterol total");
        code("2085-9", "hdl", "hdl cholesterol", "cholesterol hdl");
        code("13457-7", "ldl", "ldl cholesterol", "cholesterol ldl");
        code("2571-8", "triglycerides");
        // glycated haemoglobin
        code("4548-4", "hba1c", "hemoglobin a1c", "haemoglobin a1c", "a1c", "glycated hemoglobin");
    }

    private LoincTable() {
    }

    public static Optional<LoincCode> codeFor(String testName) {
        return Optional.ofNullable(BY_NAME.get(normalised(testName)));
    }

    static String normalised(String testName) {
        return testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    private static void code(String loinc, String... names) {
        for (String name : names) {
            BY_NAME.put(name, new LoincCode(loinc));
        }
    }
}
