package org.medicore.lab.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a clinician decides about a report held for review. */
public sealed interface ReviewDecision {

    /** The values as read are right. */
    record Accept() implements ReviewDecision {
    }

    /** Attach these values instead of those read: the complete list, corrected and added ones alike. */
    record Correct(List<StatedValue> values) implements ReviewDecision {

        public Correct {
            values = List.copyOf(values);
        }
    }

    /** The report is this other patient's. */
    record Reassign(String patientId) implements ReviewDecision {
    }

    /** Attach nothing, for this reason (shown to the uploader). */
    record Reject(String reason) implements ReviewDecision {
    }

    /** A value as the clinician states it; its flag comes from the range and the critical limits, as for a read one. */
    record StatedValue(String testName, Optional<LoincCode> code, String value, String unit, String range) {

        private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?");

        /** The value at {@code line} of the report, coded, in UCUM and flagged as a value read would be. */
        public LabValue asValue(int line) {
            String stated = value.strip();
            Optional<Double> number = NUMBER.matcher(stated).matches()
                    ? Optional.of(Double.parseDouble(stated.replace(',', '.'))) : Optional.empty();
            String printedUnit = unit.strip();
            String ucum = Terminology.ucum(printedUnit);
            Optional<LoincCode> loinc = code.or(() -> Terminology.codeFor(testName, ucum, number.isPresent()));
            Optional<ReferenceRange> referenceRange = ReferenceRanges.parse(range);
            AbnormalFlag flag = referenceRange.map(r -> r.flagOf(stated, number)).orElse(AbnormalFlag.UNSPECIFIED);
            return new LabValue(line, testName.strip(), loinc, stated, number, ucum, printedUnit, referenceRange,
                    CriticalLimits.apply(loinc, number, ucum, flag));
        }
    }
}
