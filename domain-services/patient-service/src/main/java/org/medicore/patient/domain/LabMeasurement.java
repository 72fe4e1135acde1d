package org.medicore.patient.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What a lab reported for one test: the content of a lab result, compared as a whole when an
 * idempotency key comes again. Valid on construction; paths as in the request ({@code result.value}).
 */
public record LabMeasurement(String testName, String code, String codeSystem, String value, Optional<Double> numericValue,
                             String unit, Optional<ReferenceRange> referenceRange, AbnormalFlag abnormalFlag,
                             String sourceReportId, Instant observedAt) {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    public LabMeasurement {
        testName = strip(testName);
        code = strip(code);
        codeSystem = strip(codeSystem);
        value = strip(value);
        numericValue = numericValue == null ? Optional.empty() : numericValue;
        unit = strip(unit);
        referenceRange = referenceRange == null ? Optional.empty() : referenceRange;
        abnormalFlag = abnormalFlag == null ? AbnormalFlag.UNSPECIFIED : abnormalFlag;
        sourceReportId = strip(sourceReportId);
        Violations violations = new Violations()
                .required("result.test_name", testName).maxLength("result.test_name", testName, 200)
                .maxLength("result.code", code, 64).maxLength("result.code_system", codeSystem, 255)
                .required("result.value", value).maxLength("result.value", value, 200)
                .maxLength("result.unit", unit, 50);
        if (code.isEmpty() && !codeSystem.isEmpty()) {
            violations.add("result.code_system", "must be empty when code is empty");
        }
        if (numericValue.isPresent() && !Double.isFinite(numericValue.get())) {
            violations.add("result.numeric_value", "must be a finite number");
        }
        if (!sourceReportId.isEmpty()) {
            violations.uuid("result.source_report_id", sourceReportId);
        }
        referenceRange.ifPresent(range -> range.check("result.reference_range", violations));
        if (observedAt == null) {
            violations.add("result.observed_at", "is required");
        } else if (observedAt.isBefore(EARLIEST)) {
            violations.add("result.observed_at", "must be after 1900");
        }
        violations.throwIfAny();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
