package org.medicore.bff.pact;

import au.com.dius.pact.consumer.dsl.SynchronousMessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.protobuf.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.contracts.common.v1.Actor;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.Role;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.ConfirmUploadResponse;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.GetReportStatusResponse;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListReportsByPatientResponse;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientResponse;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.GrpcPacts;
import org.medicore.localstack.pact.StateValue;

import java.util.List;

import static org.medicore.localstack.pact.GrpcInteraction.call;

/** What the BFF asks of lab-processor, and what it reads from the answers. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = LabProcessorPactTest.PROVIDER, providerType = ProviderType.SYNCH_MESSAGE)
class LabProcessorPactTest {

    static final String PROVIDER = "lab-processor";
    static final String AWAITING_UPLOAD = "a lab report waiting for its upload";

    private static final StateValue PATIENT_ID = new StateValue("patientId", "2c8e4a6f-1b3d-4f5a-9c7e-8a2d4f6b1c08");
    private static final StateValue REPORT_ID = new StateValue("reportId", "7d1f3b5a-9e2c-4a8d-b6f4-1c3e5a7d9f19");

    private static final Timestamp AT = Timestamp.newBuilder().setSeconds(1_780_000_000).build();
    private static final LabReport WAITING = LabReport.newBuilder().setId(REPORT_ID.example())
            .setPatientId(PATIENT_ID.example()).setFileName("blood-panel.pdf").setContentType("application/pdf")
            .setSizeBytes(48_213).setStatus(LabReportStatus.AWAITING_UPLOAD)
            .setUploadedBy(Actor.newBuilder().setSubject("doctor").setRole(Role.DOCTOR)).setCreatedAt(AT).build();

    @Pact(consumer = BffPacts.CONSUMER)
    V4Pact labProcessor(SynchronousMessagePactBuilder builder) {
        return GrpcPacts.pact(BffPacts.CONSUMER, PROVIDER,
                call(LabServiceGrpc.getRequestUploadUrlMethod())
                        .given("a registered patient", PATIENT_ID).by("DOCTOR")
                        .sending(RequestUploadUrlRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .setFileName("blood-panel.pdf").setContentType("application/pdf").setSizeBytes(48_213).build())
                        .receiving(RequestUploadUrlResponse.newBuilder().setReportId(REPORT_ID.example())
                                .setUploadUrl("http://127.0.0.1:19000/medicore-lab-reports/uploads/report.pdf?X-Amz-Signature=0")
                                .putRequiredHeaders("Content-Type", "application/pdf").setExpiresAt(AT).build()),
                call(LabServiceGrpc.getConfirmUploadMethod())
                        .given("a lab report uploaded but not confirmed", REPORT_ID).by("DOCTOR")
                        .sending(ConfirmUploadRequest.newBuilder().setReportId(REPORT_ID.example()).build())
                        .receiving(ConfirmUploadResponse.newBuilder().setReport(WAITING.toBuilder()
                                .setStatus(LabReportStatus.UPLOADED).setUploadedAt(AT)).build()),
                call(LabServiceGrpc.getGetReportStatusMethod())
                        .given(AWAITING_UPLOAD, REPORT_ID).by("DOCTOR")
                        .sending(GetReportStatusRequest.newBuilder().setReportId(REPORT_ID.example()).build())
                        .receiving(GetReportStatusResponse.newBuilder().setReport(WAITING).build()),
                call(LabServiceGrpc.getGetReportDownloadUrlMethod())
                        .given("a processed lab report", REPORT_ID).by("DOCTOR")
                        .sending(GetReportDownloadUrlRequest.newBuilder().setReportId(REPORT_ID.example()).build())
                        .receiving(GetReportDownloadUrlResponse.newBuilder()
                                .setDownloadUrl("http://127.0.0.1:19000/medicore-lab-reports/uploads/report.pdf?X-Amz-Signature=0")
                                .setExpiresAt(AT).setFileName("blood-panel.pdf").setContentType("application/pdf")
                                .setSizeBytes(48_213).build()),
                call(LabServiceGrpc.getListReportsByPatientMethod())
                        .given(AWAITING_UPLOAD, PATIENT_ID).by("DOCTOR")
                        .sending(ListReportsByPatientRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListReportsByPatientResponse.newBuilder().addReports(WAITING)
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()),
                call(LabServiceGrpc.getListResultsByPatientMethod())
                        .given("a processed lab report", PATIENT_ID).by("DOCTOR")
                        .sending(ListResultsByPatientRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListResultsByPatientResponse.newBuilder().addResults(LabResult.newBuilder()
                                .setId("3e5a7c9f-2b4d-4e6f-8a1c-5d7f9b2e4a20").setPatientId(PATIENT_ID.example())
                                .setTestName("Potassium").setValue("5.4").setAbnormalFlag(AbnormalFlag.HIGH)
                                .setSourceReportId(REPORT_ID.example())).build()));
    }

    @Test
    void theBffReadsEveryAnswer(List<Interaction> interactions) {
        GrpcPacts.assertReadable(interactions, LabServiceGrpc.getServiceDescriptor());
    }
}
