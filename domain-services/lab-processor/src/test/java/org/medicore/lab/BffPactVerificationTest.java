package org.medicore.lab;

import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.BeforeEach;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.lab.support.RunningLabProcessor;
import org.medicore.localstack.pact.GrpcProviderCalls;
import org.medicore.localstack.pact.VerifiesPacts;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import static org.medicore.lab.support.SampleReports.aLinesReport;
import static org.medicore.lab.support.SampleReports.aTableReport;

/**
 * The BFF's pact with lab-processor, verified against the real endpoint on the real S3 store,
 * DynamoDB and patient-service. The service trusts only the realm, so each pact role calls as
 * the realm's demo user of that role; reports are uploaded the way the portal uploads them.
 */
@Provider("lab-processor")
@Consumer("bff-graphql")
@PactFolder("${medicore.pacts}")
class BffPactVerificationTest extends RunningLabProcessor implements VerifiesPacts {

    private GrpcProviderCalls calls;

    @BeforeEach
    void prepareCalls() {
        calls = new GrpcProviderCalls(labChannel(), LabServiceGrpc.getServiceDescriptor());
    }

    @State("a registered patient")
    Map<String, Object> aPatient() {
        return Map.of("patientId", aRegisteredPatient(""));
    }

    @State("a lab report waiting for its upload")
    Map<String, Object> aReportWaitingForItsUpload() {
        String patientId = aRegisteredPatient("");
        String reportId = labServiceAs(doctor()).requestUploadUrl(aRequest(patientId, 48_213)).getReportId();
        return Map.of("patientId", patientId, "reportId", reportId);
    }

    @State("a lab report uploaded but not confirmed")
    Map<String, Object> aReportUploadedButNotConfirmed() throws IOException, InterruptedException {
        String patientId = aRegisteredPatient("");
        return Map.of("patientId", patientId, "reportId", uploadUnconfirmed(doctor(), patientId, aLinesReport().pdf()));
    }

    @State("a processed lab report")
    Map<String, Object> aProcessedReport() throws IOException, InterruptedException {
        String patientId = aRegisteredPatient("");
        String reportId = upload(doctor(), patientId,
                printedFor(patientId, aTableReport().withRow("Potassium", "5.4", "mmol/L", "3.5 - 5.1", "H")).pdf());
        awaitFinal(doctor(), reportId);
        return Map.of("patientId", patientId, "reportId", reportId);
    }

    @PactVerifyProvider("RequestUploadUrl")
    MessageAndMetadata requestUploadUrl(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ConfirmUpload")
    MessageAndMetadata confirmUpload(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("GetReportStatus")
    MessageAndMetadata getReportStatus(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("GetReportDownloadUrl")
    MessageAndMetadata getReportDownloadUrl(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ListReportsByPatient")
    MessageAndMetadata listReportsByPatient(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ListResultsByPatient")
    MessageAndMetadata listResultsByPatient(MessageContents request) {
        return answer(request);
    }

    private MessageAndMetadata answer(MessageContents request) {
        return calls.answer(request, role -> tokenOf(role.toLowerCase(Locale.ROOT)));
    }

    private static String doctor() {
        return tokenOf("doctor");
    }
}
