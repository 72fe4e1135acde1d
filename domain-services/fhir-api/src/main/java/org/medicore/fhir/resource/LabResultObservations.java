package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReferenceRange;

import java.util.Optional;

/** A lab result of patient-service as a FHIR laboratory Observation: LOINC code, UCUM unit, reference range, interpretation. */
public final class LabResultObservations {

    static final String UCUM = "http://unitsofmeasure.org";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private LabResultObservations() {
    }

    public static Observation of(LabResult result) {
        Observation observation = new Observation();
        observation.setId(result.getId());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(FhirValues.coded(CATEGORY, "laboratory", "Laboratory"));
        observation.setCode(FhirValues.concept(result.getCodeSystem(), result.getCode(), result.getTestName()));
        observation.setSubject(FhirValues.reference("Patient", result.getPatientId()));
        FhirValues.dateTime(result.hasObservedAt(), result.getObservedAt()).ifPresent(observation::setEffective);
        FhirValues.instant(result.hasRecordedAt(), result.getRecordedAt()).ifPresent(observation::setIssuedElement);
        if (result.hasNumericValue()) {
            observation.setValue(quantity(result.getNumericValue(), result));
        } else if (!result.getValue().isBlank()) {
            observation.setValue(new StringType(result.getValue()));
        }
        interpretation(result.getAbnormalFlag()).ifPresent(code ->
                observation.addInterpretation(FhirValues.coded(INTERPRETATION, code.code(), code.display())));
        if (result.hasReferenceRange()) {
            observation.addReferenceRange(range(result.getReferenceRange(), result));
        }
        return observation;
    }

    /**
     * The unit is UCUM where lab-processor knew the printed unit and translated it; a unit kept as
     * printed (the same text as {@code printed_unit}) may be anything, so it is shown, never coded.
     */
    private static Quantity quantity(double value, LabResult result) {
        Quantity quantity = new Quantity().setValue(value);
        if (!result.getUnit().isBlank()) {
            quantity.setUnit(result.getUnit());
            if (!result.getUnit().equals(result.getPrintedUnit())) {
                quantity.setSystem(UCUM).setCode(result.getUnit());
            }
        }
        return quantity;
    }

    private static Observation.ObservationReferenceRangeComponent range(ReferenceRange given, LabResult result) {
        Observation.ObservationReferenceRangeComponent range = new Observation.ObservationReferenceRangeComponent();
        if (given.hasLow()) {
            range.setLow(quantity(given.getLow(), result));
        }
        if (given.hasHigh()) {
            range.setHigh(quantity(given.getHigh(), result));
        }
        if (!given.getText().isBlank()) {
            range.setText(given.getText());
        }
        return range;
    }

    record Interpretation(String code, String display) {
    }

    static Optional<Interpretation> interpretation(AbnormalFlag flag) {
        return switch (flag) {
            case NORMAL -> Optional.of(new Interpretation("N", "Normal"));
            case LOW -> Optional.of(new Interpretation("L", "Low"));
            case HIGH -> Optional.of(new Interpretation("H", "High"));
            case CRITICAL_LOW -> Optional.of(new Interpretation("LL", "Critical low"));
            case CRITICAL_HIGH -> Optional.of(new Interpretation("HH", "Critical high"));
            case ABNORMAL -> Optional.of(new Interpretation("A", "Abnormal"));
            case ABNORMAL_FLAG_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }
}
