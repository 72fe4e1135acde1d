package org.medicore.lab.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a clinician needs to decide on a report held in NEEDS_REVIEW: why it is held, the values
 * read so far (none attached), the identity the report prints, when the sample was taken and the
 * report's text (at most {@link #MAX_TEXT} characters, to stay well inside a DynamoDB item).
 */
public record HeldForReview(List<ReviewFinding> findings, List<LabValue> valuesRead, PrintedIdentity printedIdentity,
                            Instant observedAt, String text) {

    public static final int MAX_TEXT = 64 * 1024;

    public HeldForReview {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a report is held only for a reason");
        }
        findings = List.copyOf(findings);
        valuesRead = List.copyOf(valuesRead);
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    public int criticalCount() {
        return (int) valuesRead.stream().filter(LabValue::isCritical).count();
    }
}
