package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.ConditionStatus;
import org.medicore.contracts.patient.v1.Medication;

import java.util.Optional;
import java.util.Set;

/**
 * FHIR Conditions, AllergyIntolerances and MedicationStatements as patient-service's history entries,
 * the reverse of {@link HistoryResources}. What the history has no place for is refused
 * ({@link NotRecordable}), never dropped: an allergy that is no longer active (the history keeps
 * current allergies), an onset or a medication period other than dates, a medication by reference.
 * Texts are stripped as patient-service stores them, so an entry imported twice compares equal.
 */
public final class HistoryRequests {

    private static final String SNOMED = "http://snomed.info/sct";
    private static final Set<String> CURRENT = Set.of("active", "recurrence", "relapse");
    private static final Set<String> OVER = Set.of("inactive", "remission", "resolved");

    private HistoryRequests() {
    }

    public static org.medicore.contracts.patient.v1.Condition condition(Condition condition) {
        org.medicore.contracts.patient.v1.Condition.Builder entry = org.medicore.contracts.patient.v1.Condition.newBuilder()
                .setDisplay(required(text(condition.getCode()), "Condition.code",
                        "a condition needs its name: code.text or a coding's display"));
        coding(condition.getCode()).ifPresent(coding -> entry.setCode(coding.getCode()).setCodeSystem(coding.getSystem()));
        String status = condition.getClinicalStatus().getCodingFirstRep().getCode();
        if (status != null && CURRENT.contains(status)) {
            entry.setStatus(ConditionStatus.ACTIVE);
        } else if (status != null && OVER.contains(status)) {
            entry.setStatus(ConditionStatus.RESOLVED);
        }
        if (condition.hasOnset()) {
            if (!(condition.getOnset() instanceof BaseDateTimeType onset)) {
                throw new NotRecordable("Condition.onset", "the history keeps a condition's onset as a date; an age, period,"
                        + " range or text is not recorded");
            }
            entry.setOnsetDate(FhirValues.protoDate(onset.getValueAsString()));
        }
        return entry.build();
    }

    public static Allergy allergy(AllergyIntolerance allergy) {
        String status = allergy.getClinicalStatus().getCodingFirstRep().getCode();
        if (status != null && !status.equals("active")) {
            throw new NotRecordable("AllergyIntolerance.clinicalStatus",
                    "the history keeps current allergies only; a " + status + " one is not recorded");
        }
        Allergy.Builder entry = Allergy.newBuilder().setSubstance(required(text(allergy.getCode()), "AllergyIntolerance.code",
                "an allergy needs its substance: code.text or a coding's display"));
        allergy.getCode().getCoding().stream().filter(coding -> SNOMED.equals(coding.getSystem()) && coding.hasCode()).findFirst()
                .ifPresent(coding -> entry.setCode(coding.getCode().strip()));
        AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = allergy.getReactionFirstRep();
        reaction.getManifestation().stream().map(HistoryRequests::text).flatMap(Optional::stream).findFirst()
                .ifPresent(entry::setReaction);
        entry.setSeverity(severity(allergy, reaction));
        return entry.build();
    }

    /** patient-service always has the severity assessed; a high criticality is life-threatening, as it is exported. */
    private static AllergySeverity severity(AllergyIntolerance allergy, AllergyIntolerance.AllergyIntoleranceReactionComponent reaction) {
        if (allergy.getCriticality() == AllergyIntolerance.AllergyIntoleranceCriticality.HIGH) {
            return AllergySeverity.LIFE_THREATENING;
        }
        if (!reaction.hasSeverity()) {
            throw new InvalidResource("AllergyIntolerance.reaction[0].severity",
                    "MediCore records an allergy with its severity (mild, moderate, severe; criticality high for a life-threatening one)");
        }
        return switch (reaction.getSeverity()) {
            case MILD -> AllergySeverity.MILD;
            case MODERATE -> AllergySeverity.MODERATE;
            case SEVERE -> AllergySeverity.SEVERE;
            case NULL -> throw new InvalidResource("AllergyIntolerance.reaction[0].severity", "the severity is not one of FHIR's");
        };
    }

    public static Medication medication(MedicationStatement statement) {
        if (statement.getStatus() == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR) {
            throw new NotRecordable("MedicationStatement.status", "a statement entered in error is not recorded");
        }
        if (!(statement.getMedication() instanceof CodeableConcept medication)) {
            throw new NotRecordable("MedicationStatement.medication", "the history names a medication as a concept"
                    + " (medicationCodeableConcept); a Medication resource by reference is not recorded");
        }
        Medication.Builder entry = Medication.newBuilder().setName(required(text(medication), "MedicationStatement.medication",
                "a medication needs its name: medicationCodeableConcept.text or a coding's display"));
        coding(medication).ifPresent(coding -> entry.setCode(coding.getCode()));
        statement.getDosage().stream().filter(dosage -> dosage.hasText()).findFirst().ifPresent(dosage -> entry.setDosage(dosage.getText().strip()));
        if (statement.hasEffective()) {
            if (statement.getEffective() instanceof BaseDateTimeType day) {
                entry.setStartDate(fullDay(day, "MedicationStatement.effective"));
            } else if (statement.getEffective() instanceof Period period) {
                if (period.hasStartElement()) {
                    entry.setStartDate(fullDay(period.getStartElement(), "MedicationStatement.effective.start"));
                }
                if (period.hasEndElement()) {
                    entry.setEndDate(fullDay(period.getEndElement(), "MedicationStatement.effective.end"));
                }
            }
        }
        return entry.build();
    }

    /** The history keeps a medication's first and last day as whole days. */
    private static com.google.type.Date fullDay(BaseDateTimeType value, String element) {
        if (value.getValueAsString().length() < 10) {
            throw new NotRecordable(element, "the history keeps a medication's first and last day as full dates");
        }
        return FhirValues.protoDate(value.getValueAsString());
    }

    /** The concept's text, else its first coding's display. */
    static Optional<String> text(CodeableConcept concept) {
        if (concept.hasText() && !concept.getText().isBlank()) {
            return Optional.of(concept.getText().strip());
        }
        return concept.getCoding().stream().map(Coding::getDisplay).filter(display -> display != null && !display.isBlank())
                .map(String::strip).findFirst();
    }

    /** The first coding with both a system and a code: a code without its system means nothing. */
    static Optional<Coding> coding(CodeableConcept concept) {
        return concept.getCoding().stream().filter(coding -> coding.hasSystem() && coding.hasCode())
                .map(coding -> new Coding(coding.getSystem().strip(), coding.getCode().strip(), null)).findFirst();
    }

    static String required(Optional<String> value, String element, String why) {
        return value.orElseThrow(() -> new InvalidResource(element, why));
    }
}
