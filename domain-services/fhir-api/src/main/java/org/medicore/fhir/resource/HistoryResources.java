package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.Medication;

import java.util.Optional;

/**
 * The entries of a patient's medical history as FHIR resources: a condition as a Condition, an
 * allergy as an AllergyIntolerance, a medication as a MedicationStatement. A note has no resource of
 * its own here. Each keeps the entry's id, so a correction (a new entry) is a new resource.
 */
public final class HistoryResources {

    private static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

    private HistoryResources() {
    }

    public static Optional<Resource> of(HistoryEntry entry) {
        return switch (entry.getDetailCase()) {
            case CONDITION -> Optional.of(condition(entry));
            case ALLERGY -> Optional.of(allergy(entry));
            case MEDICATION -> Optional.of(medication(entry));
            case NOTE, DETAIL_NOT_SET -> Optional.empty();
        };
    }

    private static Condition condition(HistoryEntry entry) {
        org.medicore.contracts.patient.v1.Condition given = entry.getCondition();
        Condition condition = new Condition();
        condition.setId(entry.getId());
        switch (given.getStatus()) {
            case ACTIVE -> condition.setClinicalStatus(FhirValues.coded(CONDITION_CLINICAL, "active", "Active"));
            case RESOLVED -> condition.setClinicalStatus(FhirValues.coded(CONDITION_CLINICAL, "resolved", "Resolved"));
            case CONDITION_STATUS_UNSPECIFIED, UNRECOGNIZED -> {
                // not stated: FHIR lets the clinical status stay away
            }
        }
        condition.setCode(FhirValues.concept(given.getCodeSystem(), given.getCode(), given.getDisplay()));
        condition.setSubject(FhirValues.reference("Patient", entry.getPatientId()));
        FhirValues.partialDate(given.hasOnsetDate(), given.getOnsetDate()).map(DateTimeType::new).ifPresent(condition::setOnset);
        FhirValues.dateTime(entry.hasRecordedAt(), entry.getRecordedAt()).ifPresent(condition::setRecordedDateElement);
        return condition;
    }

    private static AllergyIntolerance allergy(HistoryEntry entry) {
        Allergy given = entry.getAllergy();
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setId(entry.getId());
        // the history keeps current allergies; a resolved one is superseded, not kept with another status
        allergy.setClinicalStatus(FhirValues.coded(ALLERGY_CLINICAL, "active", "Active"));
        allergy.setCode(new CodeableConcept().setText(given.getSubstance()));
        allergy.setPatient(FhirValues.reference("Patient", entry.getPatientId()));
        FhirValues.dateTime(entry.hasRecordedAt(), entry.getRecordedAt()).ifPresent(allergy::setRecordedDateElement);
        if (given.getSeverity() == org.medicore.contracts.patient.v1.AllergySeverity.LIFE_THREATENING) {
            allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        }
        if (!given.getReaction().isBlank()) {
            AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = allergy.addReaction();
            reaction.addManifestation().setText(given.getReaction());
            severity(given.getSeverity()).ifPresent(reaction::setSeverity);
        }
        return allergy;
    }

    private static Optional<AllergyIntolerance.AllergyIntoleranceSeverity> severity(org.medicore.contracts.patient.v1.AllergySeverity severity) {
        return switch (severity) {
            case MILD -> Optional.of(AllergyIntolerance.AllergyIntoleranceSeverity.MILD);
            case MODERATE -> Optional.of(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
            case SEVERE, LIFE_THREATENING -> Optional.of(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
            case ALLERGY_SEVERITY_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }

    private static MedicationStatement medication(HistoryEntry entry) {
        Medication given = entry.getMedication();
        MedicationStatement statement = new MedicationStatement();
        statement.setId(entry.getId());
        statement.setStatus(given.hasEndDate() ? MedicationStatement.MedicationStatementStatus.COMPLETED
                : MedicationStatement.MedicationStatementStatus.ACTIVE);
        statement.setMedication(new CodeableConcept().setText(given.getName()));
        statement.setSubject(FhirValues.reference("Patient", entry.getPatientId()));
        Optional<String> start = FhirValues.partialDate(given.hasStartDate(), given.getStartDate());
        Optional<String> end = FhirValues.partialDate(given.hasEndDate(), given.getEndDate());
        if (start.isPresent() || end.isPresent()) {
            Period period = new Period();
            start.map(DateTimeType::new).ifPresent(period::setStartElement);
            end.map(DateTimeType::new).ifPresent(period::setEndElement);
            statement.setEffective(period);
        }
        FhirValues.dateTime(entry.hasRecordedAt(), entry.getRecordedAt()).ifPresent(statement::setDateAssertedElement);
        if (!given.getDosage().isBlank()) {
            statement.addDosage().setText(given.getDosage());
        }
        return statement;
    }
}
