package org.medicore.lab.domain;

import java.util.Optional;

/**
 * One result read from a report: "Hemoglobin 11.2 g/dL (12.0-15.5) L". {@code line} is its
 * position among the report's results, which with the report id makes the result's identity.
 * {@code unit} is UCUM where the unit is known, {@code printedUnit} as the report printed it.
 */
public record LabValue(int line, String testName, Optional<LoincCode> code, String value,
                       Optional<Double> numericValue, String unit, String printedUnit,
                       Optional<ReferenceRange> referenceRange, AbnormalFlag flag) {

    public boolean isAbnormal() {
        return flag.isAbnormal();
    }

    public boolean isCritical() {
        return flag.isCritical();
    }
}
