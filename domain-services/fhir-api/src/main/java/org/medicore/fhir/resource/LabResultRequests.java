package org.medicore.fhir.resource;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReferenceRange;

import java.util.Arrays;
import java.util.Set;

/**
 * A laboratory Observation as a lab result entered by hand (no source report), the reverse of
 * {@link LabResultObservations}: patient-service's {@code AttachLabResult} records exactly that.
 * Anything else an Observation may be (a vital sign, a panel with components, a result not final)
 * has no place in MediCore and is refused ({@link NotRecordable}).
 */
public final class LabResultRequests {

    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final Set<Observation.ObservationStatus> RESULTS = Set.of(Observation.ObservationStatus.FINAL,
            Observation.ObservationStatus.AMENDED, Observation.ObservationStatus.CORRECTED);

    private LabResultRequests() {
    }

    public static LabResult result(Observation observation) {
        boolean laboratory = observation.getCategory().stream().flatMap(category -> category.getCoding().stream())
                .anyMatch(coding -> CATEGORY.equals(coding.getSystem()) && "laboratory".equals(coding.getCode()));
        if (!laboratory) {
            throw new NotRecordable("Observation.category", "MediCore records laboratory results only (category laboratory);"
                    + " vital signs, surveys and other observations have no place in its records");
        }
        if (!RESULTS.contains(observation.getStatus())) {
            throw new NotRecordable("Observation.status", "MediCore records final lab results (final, amended, corrected)");
        }
        if (observation.hasComponent()) {
            throw new NotRecordable("Observation.component", "a lab result is one value; a panel is imported as one Observation per test");
        }
        LabResult.Builder result = LabResult.newBuilder().setTestName(HistoryRequests.required(HistoryRequests.text(observation.getCode()),
                "Observation.code", "a lab result needs the test's name: code.text or a coding's display"));
        HistoryRequests.coding(observation.getCode()).ifPresent(coding -> result.setCode(coding.getCode()).setCodeSystem(coding.getSystem()));
        value(observation, result);
        if (!(observation.getEffective() instanceof BaseDateTimeType observed) || observed.isEmpty()) {
            throw new InvalidResource("Observation.effective", "a lab result needs when it was observed (effectiveDateTime)");
        }
        if (observed.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()) {
            throw new InvalidResource("Observation.effective", "a lab result is observed at a time: a dateTime with its time and zone");
        }
        result.setObservedAt(FhirValues.timestamp(observed.getValue()));
        result.setAbnormalFlag(flag(observation));
        if (observation.getReferenceRange().size() > 1) {
            throw new NotRecordable("Observation.referenceRange[1]", "a lab result keeps one reference range");
        }
        if (observation.hasReferenceRange()) {
            result.setReferenceRange(range(observation.getReferenceRangeFirstRep()));
        }
        return result.build();
    }

    private static void value(Observation observation, LabResult.Builder result) {
        if (observation.getValue() instanceof Quantity quantity && quantity.hasValue()) {
            // the number as written, in scientific notation where it is huge or tiny (a plain 1.7E+308 is 309 digits)
            result.setNumericValue(quantity.getValue().doubleValue()).setValue(quantity.getValue().toString());
            String unit = quantity.hasCode() && LabResultObservations.UCUM.equals(quantity.getSystem()) ? quantity.getCode() : quantity.getUnit();
            if (unit != null) {
                result.setUnit(unit.strip());
            }
        } else if (observation.getValue() instanceof StringType text && !text.isEmpty() && !text.getValue().isBlank()) {
            result.setValue(text.getValue().strip());
        } else if (observation.hasValue()) {
            throw new NotRecordable("Observation.value", "a lab result's value is a Quantity or a string");
        } else {
            throw new InvalidResource("Observation.value", "a lab result needs its value (valueQuantity or valueString)");
        }
    }

    private static AbnormalFlag flag(Observation observation) {
        if (!observation.hasInterpretation()) {
            return AbnormalFlag.ABNORMAL_FLAG_UNSPECIFIED;
        }
        Coding coding = observation.getInterpretationFirstRep().getCoding().stream()
                .filter(given -> LabResultObservations.INTERPRETATION.equals(given.getSystem())).findFirst()
                .orElseThrow(() -> new NotRecordable("Observation.interpretation[0]",
                        "MediCore keeps an interpretation of v3-ObservationInterpretation: N, L, H, LL, HH or A"));
        return Arrays.stream(AbnormalFlag.values()).filter(flag -> flag != AbnormalFlag.UNRECOGNIZED)
                .filter(flag -> LabResultObservations.interpretation(flag).map(LabResultObservations.Interpretation::code)
                        .filter(code -> code.equals(coding.getCode())).isPresent())
                .findFirst().orElseThrow(() -> new NotRecordable("Observation.interpretation[0]",
                        "MediCore keeps the interpretations N, L, H, LL, HH and A; " + coding.getCode() + " is not one of them"));
    }

    private static ReferenceRange range(Observation.ObservationReferenceRangeComponent given) {
        ReferenceRange.Builder range = ReferenceRange.newBuilder();
        if (given.getLow().hasValue()) {
            range.setLow(given.getLow().getValue().doubleValue());
        }
        if (given.getHigh().hasValue()) {
            range.setHigh(given.getHigh().getValue().doubleValue());
        }
        // lab-processor always keeps the range as printed; a range given by its bounds alone is printed from them
        String text = given.hasText() && !given.getText().isBlank() ? given.getText().strip()
                : (range.hasLow() ? given.getLow().getValue().toPlainString() : "") + " - "
                + (range.hasHigh() ? given.getHigh().getValue().toPlainString() : "");
        return range.setText(text.strip()).build();
    }
}
