package org.medicore.lab.adapter.proto;

import com.google.protobuf.Timestamp;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import com.google.type.Date;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.PrintedIdentity;
import org.medicore.contracts.lab.v1.ReviewFinding;
import org.medicore.lab.domain.AttachedResult;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.ReferenceRange;

import java.time.Instant;
import java.util.Optional;

/**
 * The one mapping between the domain's lab values and {@code medicore.lab.v1.LabResult}, shared by
 * the gRPC endpoint and the patient-service client (both speak the same message), and of the
 * review findings and printed identity, shared by the endpoint and the event publisher.
 */
public final class LabResultProtos {

    private LabResultProtos() {
    }

    public static LabResult toProto(String patientId, String reportId, LabValue value, Instant observedAt) {
        LabResult.Builder result = LabResult.newBuilder().setPatientId(patientId).setTestName(value.testName())
                .setValue(value.value()).setUnit(value.unit()).setPrintedUnit(value.printedUnit()).setSourceReportId(reportId)
                .setAbnormalFlag(flag(value.flag())).setObservedAt(timestamp(observedAt));
        value.code().ifPresent(code -> result.setCode(code.value()).setCodeSystem(LoincCode.SYSTEM));
        value.numericValue().ifPresent(result::setNumericValue);
        value.referenceRange().ifPresent(range -> {
            var proto = result.getReferenceRangeBuilder().setText(range.text());
            range.low().ifPresent(proto::setLow);
            range.high().ifPresent(proto::setHigh);
        });
        return result.build();
    }

    public static LabResult toProto(AttachedResult attached) {
        return toProto(attached.patientId(), attached.sourceReportId(), attached.value(), attached.observedAt())
                .toBuilder().setId(attached.id()).setRecordedAt(timestamp(attached.recordedAt())).build();
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
                instant(result.getObservedAt()), instant(result.getRecordedAt()));
    }

    public static ReviewFinding finding(org.medicore.lab.domain.ReviewFinding finding) {
        return ReviewFinding.newBuilder().setKind(ReviewFinding.Kind.valueOf(finding.kind().name()))
                .setLine(finding.line()).setReason(finding.reason()).build();
    }

    public static PrintedIdentity printedIdentity(org.medicore.lab.domain.PrintedIdentity identity) {
        PrintedIdentity.Builder proto = PrintedIdentity.newBuilder();
        identity.name().ifPresent(proto::setName);
        identity.dateOfBirth().ifPresent(day -> proto.setDateOfBirth(Date.newBuilder().setYear(day.getYear())
                .setMonth(day.getMonthValue()).setDay(day.getDayOfMonth())));
        identity.patientNumber().ifPresent(proto::setPatientNumber);
        return proto.build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static AbnormalFlag flag(org.medicore.lab.domain.AbnormalFlag flag) {
        return switch (flag) {
            case UNSPECIFIED -> AbnormalFlag.ABNORMAL_FLAG_UNSPECIFIED;
            case NORMAL -> AbnormalFlag.NORMAL;
            case LOW -> AbnormalFlag.LOW;
            case HIGH -> AbnormalFlag.HIGH;
            case CRITICAL_LOW -> AbnormalFlag.CRITICAL_LOW;
            case CRITICAL_HIGH -> AbnormalFlag.CRITICAL_HIGH;
            case ABNORMAL -> AbnormalFlag.ABNORMAL;
        };
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
