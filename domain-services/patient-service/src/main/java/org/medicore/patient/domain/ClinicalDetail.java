package org.medicore.patient.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The clinical content of a history entry. Valid on construction; violations are named by the
 * request's paths ({@code allergy.severity}).
 */
public sealed interface ClinicalDetail {

    HistoryKind kind();

    enum ConditionStatus { UNSPECIFIED, ACTIVE, RESOLVED }

    enum AllergySeverity { UNSPECIFIED, MILD, MODERATE, SEVERE, LIFE_THREATENING }

    /** A diagnosis or health condition; the onset may be known only to the month or year. */
    record Condition(String display, String code, String codeSystem, ConditionStatus status,
                     Optional<PartialDate> onset) implements ClinicalDetail {

        public Condition {
            display = strip(display);
            code = strip(code);
            codeSystem = strip(codeSystem);
            status = status == null ? ConditionStatus.UNSPECIFIED : status;
            onset = onset == null ? Optional.empty() : onset;
            Violations violations = new Violations()
                    .required("condition.display", display).maxLength("condition.display", display, 500);
            checkCode("condition", code, codeSystem, violations);
            violations.throwIfAny();
        }

        @Override
        public HistoryKind kind() {
            return HistoryKind.CONDITION;
        }
    }

    /** An allergy or intolerance; the severity is always assessed. */
    record Allergy(String substance, String code, String reaction, AllergySeverity severity) implements ClinicalDetail {

        public Allergy {
            substance = strip(substance);
            code = strip(code);
            reaction = strip(reaction);
            severity = severity == null ? AllergySeverity.UNSPECIFIED : severity;
            Violations violations = new Violations()
                    .required("allergy.substance", substance).maxLength("allergy.substance", substance, 500)
                    .maxLength("allergy.code", code, 64)
                    .maxLength("allergy.reaction", reaction, 1000);
            if (severity == AllergySeverity.UNSPECIFIED) {
                violations.add("allergy.severity", "is required: MILD, MODERATE, SEVERE or LIFE_THREATENING");
            }
            violations.throwIfAny();
        }

        @Override
        public HistoryKind kind() {
            return HistoryKind.ALLERGY;
        }
    }

    /** A medication statement; no end date while ongoing. */
    record Medication(String name, String code, String dosage, Optional<LocalDate> startDate,
                      Optional<LocalDate> endDate) implements ClinicalDetail {

        public Medication {
            name = strip(name);
            code = strip(code);
            dosage = strip(dosage);
            startDate = startDate == null ? Optional.empty() : startDate;
            endDate = endDate == null ? Optional.empty() : endDate;
            Violations violations = new Violations()
                    .required("medication.name", name).maxLength("medication.name", name, 500)
                    .maxLength("medication.code", code, 64)
                    .maxLength("medication.dosage", dosage, 1000);
            if (startDate.isPresent() && endDate.isPresent() && endDate.get().isBefore(startDate.get())) {
                violations.add("medication.end_date", "must not be before start_date");
            }
            violations.throwIfAny();
        }

        @Override
        public HistoryKind kind() {
            return HistoryKind.MEDICATION;
        }
    }

    /** A free-text clinical note. */
    record Note(String text) implements ClinicalDetail {

        public static final int MAX_LENGTH = 10_000;

        public Note {
            text = strip(text);
            new Violations().required("note.text", text).maxLength("note.text", text, MAX_LENGTH).throwIfAny();
        }

        @Override
        public HistoryKind kind() {
            return HistoryKind.NOTE;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static void checkCode(String path, String code, String codeSystem, Violations violations) {
        violations.maxLength(path + ".code", code, 64).maxLength(path + ".code_system", codeSystem, 255);
        if (code.isEmpty() && !codeSystem.isEmpty()) {
            violations.add(path + ".code_system", "must be empty when code is empty");
        }
    }
}
