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

        /** The value at {@code line} of the report, flagged as a value read would be. */
        public LabValue asValue(int line) {
            String stated = value.strip();
            Optional<Double> number = NUMBER.matcher(stated).matches()
                    ? Optional.of(Double.parseDouble(stated.replace(',', '.'))) : Optional.empty();
            Optional<ReferenceRange> referenceRange = ReferenceRange.parse(range);
            AbnormalFlag flag = number.isPresent() && referenceRange.filter(ReferenceRange::hasBounds).isPresent()
                    ? referenceRange.get().flag(number.get()) : AbnormalFlag.UNSPECIFIED;
            return new LabValue(line, testName.strip(), code, stated, number, unit.strip(), unit.strip(), referenceRange,
                    CriticalLimits.apply(code, number, unit, flag));
        }
    }
}
