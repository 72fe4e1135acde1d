package org.medicore.lab.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Panic values: results so far outside the normal range that the clinic must act at once,
 * whatever range the lab printed. Limits follow common hospital critical-value lists and apply
 * only when the result comes in the (UCUM) unit they are written in, since a potassium of 6.8
 * means something else in another unit.
 */
public final class CriticalLimits {

    private record Limit(double below, double above, Set<String> units) {
    }

    private static final Map<String, Limit> BY_LOINC = Map.ofEntries(
            limit("2823-3", 2.5, 6.5, "mmol/l", "meq/l"),
            limit("2951-2", 120, 160, "mmol/l", "meq/l"),
            limit("2345-7", 40, 500, "mg/dl"),
            limit("14749-6", 2.2, 27.8, "mmol/l"),
            limit("17861-6", 6.0, 13.0, "mg/dl"),
            limit("718-7", 7.0, 20.0, "g/dl"),
            limit("4544-3", 20, 60, "%"),
            limit("777-3", 20, 1000, "10*3/ul", "10*9/l"),
            limit("6690-2", 2.0, 30.0, "10*3/ul", "10*9/l"));

    private CriticalLimits() {
    }

    /** The flag, raised to CRITICAL_LOW or CRITICAL_HIGH when the value passes a panic limit. */
    public static AbnormalFlag apply(Optional<LoincCode> code, Optional<Double> value, String ucumUnit, AbnormalFlag flag) {
        if (code.isEmpty() || value.isEmpty()) {
            return flag;
        }
        Limit limit = BY_LOINC.get(code.get().value());
        if (limit == null || !limit.units().contains(ucumUnit.toLowerCase(Locale.ROOT).replace(" ", ""))) {
            return flag;
        }
        if (value.get() < limit.below()) {
            return AbnormalFlag.CRITICAL_LOW;
        }
        if (value.get() > limit.above()) {
            return AbnormalFlag.CRITICAL_HIGH;
        }
        return flag;
    }

    private static Map.Entry<String, Limit> limit(String loinc, double below, double above, String... units) {
        return Map.entry(loinc, new Limit(below, above, Set.of(units)));
    }
}
