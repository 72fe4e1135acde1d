package org.medicore.lab.domain;

import java.time.Instant;
import java.util.List;

/**
 * A clinician's decision as stored with the report: who, when, what they decided and what it
 * changed against the values read ("Hemoglobin: 10.9 g/dL -> 11.9 g/dL"), or why they rejected it.
 */
public record Review(Kind kind, String reviewerSubject, Role reviewerRole, Instant decidedAt, List<String> changes,
                     String reason) {

    public enum Kind {
        ACCEPTED, CORRECTED, REASSIGNED, REJECTED
    }

    public Review {
        changes = List.copyOf(changes);
    }
}
