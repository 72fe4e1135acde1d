package org.medicore.appointment.domain;

import java.util.Objects;

/** Why the current state forbids a change; the rule names are the API's precondition types. */
public record Refusal(Rule rule, String description) {

    public enum Rule {
        SLOT_TAKEN, OUTSIDE_WORKING_HOURS, IN_THE_PAST, PATIENT_DOUBLE_BOOKED,
        NOT_BOOKED, ALREADY_STARTED, NOT_TODAY, NOT_STARTED, ALREADY_FINAL
    }

    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
    }
}
