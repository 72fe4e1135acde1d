package org.medicore.lab.adapter.proto;

import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.lab.domain.AttachedResult;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.ReferenceRange;
import org.medicore.support.mapping.ProtoConversions;

import java.util.Optional;

/**
 * A {@code medicore.lab.v1.LabResult} that patient-service returns, read back into the domain's lab value
 * (the other direction is {@link LabProtos}).
 */
public final class LabResultProtos {

    private LabResultProtos() {
    }

    public static AttachedResult fromProto(LabResult result) {
        Optional<ReferenceRange> range = result.hasReferenceRange()
                ? Optional.of(new ReferenceRange(
                        result.getReferenceRange().hasLow() ? Optional.of(result.getReferenceRange().getLow()) : Optional.empty(),
                        result.getReferenceRange().hasHigh() ? Optional.of(result.getReferenceRange().getHigh()) : Optional.empty(),
                        result.getReferenceRange().getText()))
                : Optional.empty();
        LabValue value = new LabValue(0, result.getTestName(),
                result.getCode().isEmpty() ? Optional.empty() : Optional.of(new LoincCode(result.getCode())),
                result.getValue(), result.hasNumericValue() ? Optional.of(result.getNumericValue()) : Optional.empty(),
                result.getUnit(), result.getPrintedUnit(), range, flag(result.getAbnormalFlag()));
        return new AttachedResult(result.getId(), result.getPatientId(), result.getSourceReportId(), value,
                ProtoConversions.instant(result.getObservedAt()), ProtoConversions.instant(result.getRecordedAt()));
    }

    private static org.medicore.lab.domain.AbnormalFlag flag(AbnormalFlag flag) {
        return switch (flag) {
            case NORMAL -> org.medicore.lab.domain.AbnormalFlag.NORMAL;
            case LOW -> org.medicore.lab.domain.AbnormalFlag.LOW;
            case HIGH -> org.medicore.lab.domain.AbnormalFlag.HIGH;
            case CRITICAL_LOW -> org.medicore.lab.domain.AbnormalFlag.CRITICAL_LOW;
            case CRITICAL_HIGH -> org.medicore.lab.domain.AbnormalFlag.CRITICAL_HIGH;
            case ABNORMAL -> org.medicore.lab.domain.AbnormalFlag.ABNORMAL;
            default -> org.medicore.lab.domain.AbnormalFlag.UNSPECIFIED;
        };
    }
}
