package org.medicore.bff.lab;

import graphql.GraphQLContext;
import io.grpc.StatusRuntimeException;
import org.medicore.bff.error.ServiceFieldNames;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.AcceptAsRead;
import org.medicore.contracts.lab.v1.CorrectValues;
import org.medicore.contracts.lab.v1.CorrectedValue;
import org.medicore.contracts.lab.v1.DecideReviewRequest;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.LabReviewDecision;
import org.medicore.contracts.lab.v1.ListReviewQueueRequest;
import org.medicore.contracts.lab.v1.ListReviewQueueResponse;
import org.medicore.contracts.lab.v1.PrintedIdentity;
import org.medicore.contracts.lab.v1.ReassignPatient;
import org.medicore.contracts.lab.v1.RejectReport;
import org.medicore.contracts.lab.v1.ReviewFinding;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * A clinician's review of held lab reports: the queue and one mutation per decision, each one
 * call to lab-processor's DecideReview, which checks who may decide and the expected version.
 */
@Controller
class LabReviewController {

    private final ServiceStubs services;

    LabReviewController(ServiceStubs services) {
        this.services = services;
    }

    record AcceptLabReportInput(String reportId, Long expectedVersion) {
    }

    record CorrectedLabValueInput(String testName, String code, String value, String unit, String referenceRange) {
    }

    record CorrectLabReportInput(String reportId, Long expectedVersion, List<CorrectedLabValueInput> values) {
    }

    record ReassignLabReportInput(String reportId, Long expectedVersion, String patientId) {
    }

    record RejectLabReportInput(String reportId, Long expectedVersion, String reason) {
    }

    record Review(String decision, String decidedBy, com.google.protobuf.Timestamp decidedAt, List<String> changes,
                  String reason) {
    }

    @QueryMapping
    Connection<LabReport> labReviewQueue(@Argument Integer first, @Argument String after, GraphQLContext context) {
        ListReviewQueueResponse page = services.labs(Caller.of(context)).listReviewQueue(ListReviewQueueRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(PageSize.of(first, "first"))
                        .setPageToken(after == null ? "" : after)).build());
        return Connection.of(page.getReportsList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @MutationMapping
    LabReport acceptLabReport(@Argument AcceptLabReportInput input, GraphQLContext context) {
        return decide(context, decision(input.reportId(), input.expectedVersion())
                .setAccept(AcceptAsRead.getDefaultInstance()));
    }

    @MutationMapping
    LabReport correctLabReport(@Argument CorrectLabReportInput input, GraphQLContext context) {
        CorrectValues.Builder values = CorrectValues.newBuilder();
        input.values().forEach(value -> values.addValues(CorrectedValue.newBuilder().setTestName(value.testName())
                .setCode(orEmpty(value.code())).setValue(value.value()).setUnit(orEmpty(value.unit()))
                .setReferenceRange(orEmpty(value.referenceRange()))));
        return decide(context, decision(input.reportId(), input.expectedVersion()).setCorrect(values));
    }

    @MutationMapping
    LabReport reassignLabReport(@Argument ReassignLabReportInput input, GraphQLContext context) {
        return decide(context, decision(input.reportId(), input.expectedVersion())
                .setReassign(ReassignPatient.newBuilder().setPatientId(input.patientId())));
    }

    @MutationMapping
    LabReport rejectLabReport(@Argument RejectLabReportInput input, GraphQLContext context) {
        return decide(context, decision(input.reportId(), input.expectedVersion())
                .setReject(RejectReport.newBuilder().setReason(input.reason())));
    }

    @SchemaMapping(typeName = "LabReport", field = "reviewFindings")
    List<ReviewFinding> reviewFindings(LabReport report) {
        return report.getReviewFindingsList();
    }

    @SchemaMapping(typeName = "LabReport", field = "valuesRead")
    List<LabResult> valuesRead(LabReport report) {
        return report.getValuesReadList();
    }

    @SchemaMapping(typeName = "LabReviewFinding", field = "kind")
    String findingKind(ReviewFinding finding) {
        return finding.getKind().name();
    }

    @SchemaMapping(typeName = "LabReviewFinding", field = "line")
    String findingLine(ReviewFinding finding) {
        return ProtoValues.orNull(finding.getLine());
    }

    @SchemaMapping(typeName = "LabReport", field = "printedIdentity")
    PrintedIdentity printedIdentity(LabReport report) {
        return report.hasPrintedIdentity() ? report.getPrintedIdentity() : null;
    }

    @SchemaMapping(typeName = "PrintedIdentity", field = "name")
    String printedName(PrintedIdentity identity) {
        return ProtoValues.orNull(identity.getName());
    }

    @SchemaMapping(typeName = "PrintedIdentity", field = "dateOfBirth")
    com.google.type.Date printedDateOfBirth(PrintedIdentity identity) {
        return identity.hasDateOfBirth() ? ProtoValues.orNull(identity.getDateOfBirth()) : null;
    }

    @SchemaMapping(typeName = "PrintedIdentity", field = "patientNumber")
    String printedPatientNumber(PrintedIdentity identity) {
        return ProtoValues.orNull(identity.getPatientNumber());
    }

    @SchemaMapping(typeName = "LabReport", field = "reportText")
    String reportText(LabReport report) {
        return ProtoValues.orNull(report.getReportText());
    }

    @SchemaMapping(typeName = "LabReport", field = "review")
    Review review(LabReport report) {
        if (!report.hasReview()) {
            return null;
        }
        LabReviewDecision review = report.getReview();
        return new Review(review.getDecision().name(), review.getDecidedBy().getSubject(), review.getDecidedAt(),
                review.getChangesList(), ProtoValues.orNull(review.getReason()));
    }

    private LabReport decide(GraphQLContext context, DecideReviewRequest.Builder request) {
        try {
            return services.labs(Caller.of(context)).decideReview(request.build()).getReport();
        } catch (StatusRuntimeException e) {
            throw inSchemaTerms(e);
        }
    }

    private static DecideReviewRequest.Builder decision(String reportId, Long expectedVersion) {
        return DecideReviewRequest.newBuilder().setReportId(reportId).setExpectedVersion(expectedVersion);
    }

    /** The mutation's caller knows the request's fields ({@code reject.reason}) as {@code input.*}. */
    private static StatusRuntimeException inSchemaTerms(StatusRuntimeException e) {
        return ServiceFieldNames.renamed(e, field -> "input." + field.replaceFirst("^(accept|correct|reassign|reject)\\.", ""));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
