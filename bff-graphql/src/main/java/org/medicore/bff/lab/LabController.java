package org.medicore.bff.lab;

import graphql.GraphQLContext;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.LabServiceGrpc.LabServiceBlockingStub;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListReportsByPatientResponse;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientResponse;
import org.medicore.contracts.lab.v1.ReferenceRange;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.contracts.patient.v1.Patient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * Lab reports and results from lab-processor. {@code Patient.labResults} is one call per patient:
 * lab-processor has no batch call, and the portal asks for results of one patient at a time.
 */
@Controller
class LabController {

    private static final String PDF = "application/pdf";

    private final ServiceStubs services;

    LabController(ServiceStubs services) {
        this.services = services;
    }

    record RequestLabReportUploadInput(String patientId, String fileName, Long sizeBytes) {
    }

    record Header(String name, String value) {
    }

    record LabReportUpload(String reportId, String uploadUrl, List<Header> requiredHeaders,
                           com.google.protobuf.Timestamp expiresAt) {
    }

    @QueryMapping
    LabReport labReport(@Argument String id, GraphQLContext context) {
        return stub(context).getReportStatus(GetReportStatusRequest.newBuilder().setReportId(id).build()).getReport();
    }

    /**
     * Asked when the person opens the file, never while listing reports: the link is a bearer
     * link that lab-processor keeps valid for minutes only. Its refusals (FAILED_PRECONDITION with
     * the reason) go through {@code GraphQlErrors} like every other.
     */
    @QueryMapping
    GetReportDownloadUrlResponse labReportDownload(@Argument String reportId, GraphQLContext context) {
        return stub(context).getReportDownloadUrl(GetReportDownloadUrlRequest.newBuilder().setReportId(reportId).build());
    }

    @QueryMapping
    Connection<LabReport> labReports(@Argument String patientId, @Argument Integer first, @Argument String after,
                                     GraphQLContext context) {
        ListReportsByPatientResponse page = stub(context).listReportsByPatient(ListReportsByPatientRequest.newBuilder()
                .setPatientId(patientId).setPage(PageRequest.newBuilder().setPageSize(PageSize.of(first, "first"))
                        .setPageToken(after == null ? "" : after)).build());
        return Connection.of(page.getReportsList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @QueryMapping
    Connection<LabResult> labResults(@Argument String patientId, @Argument String reportId, @Argument Integer first,
                                     @Argument String after, GraphQLContext context) {
        ListResultsByPatientResponse page = results(patientId, reportId, PageSize.of(first, "first"), after, context);
        return Connection.of(page.getResultsList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @SchemaMapping(typeName = "Patient", field = "labResults")
    List<LabResult> labResultsOf(Patient patient, @Argument Integer first, GraphQLContext context) {
        return results(patient.getId(), null, PageSize.of(first, "first"), null, context).getResultsList();
    }

    @MutationMapping
    LabReportUpload requestLabReportUpload(@Argument RequestLabReportUploadInput input, GraphQLContext context) {
        RequestUploadUrlResponse ticket = stub(context).requestUploadUrl(RequestUploadUrlRequest.newBuilder()
                .setPatientId(input.patientId()).setFileName(input.fileName()).setContentType(PDF)
                .setSizeBytes(input.sizeBytes()).build());
        return new LabReportUpload(ticket.getReportId(), ticket.getUploadUrl(),
                ticket.getRequiredHeadersMap().entrySet().stream().map(h -> new Header(h.getKey(), h.getValue())).toList(),
                ticket.getExpiresAt());
    }

    @MutationMapping
    LabReport confirmLabReportUpload(@Argument String reportId, GraphQLContext context) {
        return stub(context).confirmUpload(ConfirmUploadRequest.newBuilder().setReportId(reportId).build()).getReport();
    }

    @SchemaMapping(typeName = "LabReport", field = "rejectionDetail")
    String rejectionDetail(LabReport report) {
        return ProtoValues.orNull(report.getRejectionDetail());
    }

    @SchemaMapping(typeName = "LabReport", field = "processedAt")
    com.google.protobuf.Timestamp processedAt(LabReport report) {
        return ProtoValues.orNull(report.getProcessedAt());
    }

    @SchemaMapping(typeName = "LabResult", field = "code")
    String code(LabResult result) {
        return ProtoValues.orNull(result.getCode());
    }

    @SchemaMapping(typeName = "LabResult", field = "numericValue")
    Double numericValue(LabResult result) {
        return result.hasNumericValue() ? result.getNumericValue() : null;
    }

    @SchemaMapping(typeName = "LabResult", field = "abnormalFlag")
    String abnormalFlag(LabResult result) {
        return ProtoValues.orNull(result.getAbnormalFlag());
    }

    @SchemaMapping(typeName = "LabResult", field = "sourceReportId")
    String sourceReportId(LabResult result) {
        return ProtoValues.orNull(result.getSourceReportId());
    }

    @SchemaMapping(typeName = "LabResult", field = "referenceRange")
    ReferenceRange referenceRange(LabResult result) {
        return result.hasReferenceRange() ? result.getReferenceRange() : null;
    }

    @SchemaMapping(typeName = "ReferenceRange", field = "low")
    Double low(ReferenceRange range) {
        return range.hasLow() ? range.getLow() : null;
    }

    @SchemaMapping(typeName = "ReferenceRange", field = "high")
    Double high(ReferenceRange range) {
        return range.hasHigh() ? range.getHigh() : null;
    }

    private ListResultsByPatientResponse results(String patientId, String reportId, int first, String after,
                                                 GraphQLContext context) {
        return stub(context).listResultsByPatient(ListResultsByPatientRequest.newBuilder().setPatientId(patientId)
                .setReportId(reportId == null ? "" : reportId)
                .setPage(PageRequest.newBuilder().setPageSize(first).setPageToken(after == null ? "" : after)).build());
    }

    private LabServiceBlockingStub stub(GraphQLContext context) {
        return services.labs(Caller.of(context));
    }
}
