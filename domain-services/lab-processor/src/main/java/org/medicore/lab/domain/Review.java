package org.medicore.lab.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A clinician's decision as stored with the report: who, when, what they decided and what it
 * changed against the values read ("Hemoglobin: 10.9 g/dL -> 11.9 g/dL"), or why they rejected it.
 */
public record Review(Kind kind, String reviewerSubject, Role reviewerRole, Instant decidedAt, List<String> changes,
                     String reason) {

    private static final String REASSIGNED_FROM = "patient ";

    public enum Kind {
        ACCEPTED, CORRECTED, REASSIGNED, REJECTED
    }

    public Review {
        changes = List.copyOf(changes);
    }

    public static Review accepted(Caller reviewer, Instant now) {
        return new Review(Kind.ACCEPTED, reviewer.subject(), reviewer.actingRole(), now, List.of(), "");
    }

    public static Review reassigned(Caller reviewer, Instant now, String fromPatient, String toPatient) {
        return new Review(Kind.REASSIGNED, reviewer.subject(), reviewer.actingRole(), now,
                List.of(REASSIGNED_FROM + fromPatient + " -> " + toPatient), "");
    }

    /** The patient a reassigned report was first filed under, as {@link #reassigned} wrote it. */
    public Optional<String> reassignedFrom() {
        if (kind != Kind.REASSIGNED || changes.isEmpty() || !changes.getFirst().startsWith(REASSIGNED_FROM)) {
            return Optional.empty();
        }
        String change = changes.getFirst().substring(REASSIGNED_FROM.length());
        int arrow = change.indexOf(" -> ");
        return arrow < 0 ? Optional.empty() : Optional.of(change.substring(0, arrow));
    }

    public static Review rejected(Caller reviewer, Instant now, String reason) {
        return new Review(Kind.REJECTED, reviewer.subject(), reviewer.actingRole(), now, List.of(), reason);
    }

    /** Corrected values against those read, matched by test name: changed, added, removed. */
    public static Review corrected(Caller reviewer, Instant now, List<LabValue> read, List<LabValue> decided) {
        Map<String, LabValue> before = byTest(read);
        Map<String, LabValue> after = byTest(decided);
        List<String> changes = new ArrayList<>();
        for (LabValue value : decided) {
            Optional<LabValue> was = Optional.ofNullable(before.get(key(value)));
            if (was.isEmpty()) {
                changes.add("added " + value.testName() + " " + shown(value));
            } else if (!shown(was.get()).equals(shown(value))) {
                changes.add(value.testName() + ": " + shown(was.get()) + " -> " + shown(value));
            }
        }
        read.stream().filter(value -> !after.containsKey(key(value)))
                .forEach(value -> changes.add("removed " + value.testName() + " " + shown(value)));
        return new Review(Kind.CORRECTED, reviewer.subject(), reviewer.actingRole(), now, changes, "");
    }

    private static Map<String, LabValue> byTest(List<LabValue> values) {
        return values.stream().collect(Collectors.toMap(Review::key, Function.identity(), (first, second) -> first));
    }

    private static String key(LabValue value) {
        return value.testName().toLowerCase(Locale.ROOT);
    }

    private static String shown(LabValue value) {
        String range = value.referenceRange().map(r -> " (" + r.text() + ")").orElse("");
        return (value.value() + " " + value.unit()).strip() + range;
    }
}
