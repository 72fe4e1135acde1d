package org.medicore.lab.adapter.proto;

import org.mapstruct.AfterMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ValueMapping;
import org.mapstruct.factory.Mappers;
import org.medicore.contracts.events.v1.LabReportHeld;
import org.medicore.contracts.events.v1.LabReportProcessed;
import org.medicore.contracts.events.v1.LabReportRejected;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.LabReviewDecision;
import org.medicore.contracts.lab.v1.PrintedIdentity;
import org.medicore.contracts.lab.v1.ReviewFinding;
import org.medicore.lab.domain.AttachedResult;
import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabReportEvent;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.ReferenceRange;
import org.medicore.lab.domain.Review;
import org.medicore.lab.domain.ReviewAccess;
import org.medicore.lab.domain.UploadLimits;
import org.medicore.support.mapping.ProtoMapping;

import java.time.Instant;

/**
 * Domain to proto for lab-processor: lab values as {@code medicore.lab.v1.LabResult} (for the gRPC
 * endpoint and the patient-service client, which speak the same message), reports as their reader may
 * see them, and the lab events.
 */
@Mapper(config = ProtoMapping.class, imports = UploadLimits.class)
public interface LabProtos {

    LabProtos PROTOS = Mappers.getMapper(LabProtos.class);

    @Mapping(target = ".", source = "value")
    @Mapping(target = "id", source = "attached.id")
    @Mapping(target = "patientId", source = "attached.patientId")
    @Mapping(target = "sourceReportId", source = "attached.sourceReportId")
    @Mapping(target = "observedAt", source = "attached.observedAt")
    @Mapping(target = "recordedAt", source = "attached.recordedAt")
    @Mapping(target = "codeSystem", expression = "java(codeSystem(attached.value()))")
    @Mapping(target = "abnormalFlag", source = "value.flag")
    LabResult result(AttachedResult attached);

    /** A value read from a report, before patient-service recorded it (no id, no recorded-at yet). */
    @Mapping(target = ".", source = "value")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "recordedAt", ignore = true)
    @Mapping(target = "patientId", source = "patientId")
    @Mapping(target = "sourceReportId", source = "sourceReportId")
    @Mapping(target = "observedAt", source = "observedAt")
    @Mapping(target = "codeSystem", expression = "java(codeSystem(value))")
    @Mapping(target = "abnormalFlag", source = "value.flag")
    LabResult result(String patientId, String sourceReportId, LabValue value, Instant observedAt);

    org.medicore.contracts.lab.v1.ReferenceRange range(ReferenceRange range);

    @ValueMapping(source = "UNSPECIFIED", target = "ABNORMAL_FLAG_UNSPECIFIED")
    AbnormalFlag flag(org.medicore.lab.domain.AbnormalFlag flag);

    /** LOINC's system, for a value that has a code. */
    default String codeSystem(LabValue value) {
        return value.code().isPresent() ? LoincCode.SYSTEM : "";
    }

    default String loinc(LoincCode code) {
        return code.value();
    }

    @Mapping(target = "contentType", expression = "java(UploadLimits.PDF)")
    @Mapping(target = "sizeBytes", source = "declaredSize")
    @Mapping(target = "uploadedBy.displayName", ignore = true)
    @Mapping(target = "rejectionReason", ignore = true)
    @Mapping(target = "rejectionDetail", ignore = true)
    @Mapping(target = "reviewFindings", ignore = true)
    @Mapping(target = "valuesRead", ignore = true)
    @Mapping(target = "printedIdentity", ignore = true)
    @Mapping(target = "reportText", ignore = true)
    org.medicore.contracts.lab.v1.LabReport report(LabReport report, @Context Caller reader);

    /** Why a report was rejected, when it was. */
    @AfterMapping
    default void rejection(LabReport report, @MappingTarget org.medicore.contracts.lab.v1.LabReport.Builder proto) {
        report.rejection().ifPresent(rejection -> proto.setRejectionReason(rejectionReason(rejection.reason()))
                .setRejectionDetail(rejection.detail()));
    }

    /**
     * What a held report's machine reading found (its values, findings, the identity and text printed on it)
     * goes to reviewers only: until a clinician decides, those values are unchecked and may be another person's.
     */
    @AfterMapping
    default void heldReadingForReviewersOnly(LabReport report, @MappingTarget org.medicore.contracts.lab.v1.LabReport.Builder proto,
                                             @Context Caller reader) {
        report.held().filter(held -> ReviewAccess.mayReview(reader)).ifPresent(held -> {
            held.findings().forEach(finding -> proto.addReviewFindings(finding(finding)));
            held.valuesRead().forEach(value -> proto.addValuesRead(result(report.patientId(), report.id(), value, held.observedAt())));
            proto.setPrintedIdentity(printedIdentity(held.printedIdentity()));
            proto.setReportText(held.text());
        });
    }

    org.medicore.contracts.lab.v1.LabReportRejectionReason rejectionReason(org.medicore.lab.domain.RejectionReason reason);

    @Mapping(target = "decision", source = "kind")
    @Mapping(target = "decidedBy.subject", source = "reviewerSubject")
    @Mapping(target = "decidedBy.role", source = "reviewerRole")
    @Mapping(target = "decidedBy.displayName", ignore = true)
    LabReviewDecision review(Review review);

    ReviewFinding finding(org.medicore.lab.domain.ReviewFinding finding);

    PrintedIdentity printedIdentity(org.medicore.lab.domain.PrintedIdentity identity);

    LabReportProcessed processed(LabReportEvent.Processed event);

    LabReportHeld held(LabReportEvent.Held event);

    @Mapping(target = "reason", source = "rejection.reason")
    @Mapping(target = "detail", source = "rejection.detail")
    LabReportRejected rejected(LabReportEvent.Rejected event);
}
