package org.medicore.lab.domain;

import java.util.List;
import java.util.Optional;

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
    }
}
