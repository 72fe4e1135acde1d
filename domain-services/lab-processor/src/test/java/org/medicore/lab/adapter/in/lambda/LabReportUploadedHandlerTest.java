package org.medicore.lab.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.lab.application.port.in.ReceiveDroppedMessage;
import org.medicore.lab.support.ResultMessages;
import org.medicore.localstack.ObjectStore;
import org.medicore.lab.support.RunningLabProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.support.SampleReports.aTableReport;

/** The cloud trigger, fed the S3 notification exactly as AWS delivers it to a Java Lambda. */
class LabReportUploadedHandlerTest extends RunningLabProcessor {

    @Autowired
    private ProcessLabReport processLabReport;

    @Autowired
    private ReceiveDroppedMessage receiveDroppedMessage;

    @Autowired
    private ConfigurableEnvironment environment;

    @Test
    void an_object_created_notification_processes_the_report_it_names() {
        Uploaded upload = aTableReportInTheBucket();

        String answer = new LabReportUploadedHandler(processLabReport, receiveDroppedMessage).handleRequest(notification(upload.key(), upload.size()), null);

        assertThat(answer).isEqualTo(upload.reportId() + "=PROCESSED");
        assertThat(labServiceAs(tokenOf("doctor")).getReportStatus(GetReportStatusRequest.newBuilder().setReportId(upload.reportId()).build())
                .getReport().getStatus()).isEqualTo(LabReportStatus.PROCESSED);
    }

    @Test
    void an_object_outside_the_uploads_is_ignored() {
        String answer = new LabReportUploadedHandler(processLabReport, receiveDroppedMessage).handleRequest(notification("quarantine/x/y.pdf", 10), null);

        assertThat(answer).isEqualTo("quarantine/x/y.pdf=IGNORED");
    }

    @Test
    void a_result_message_dropped_under_hl7_is_taken_answered_beside_it_and_moved_out_of_the_drop_folder() {
        String patientId = aRegisteredPatient("");
        String name = "acme-" + java.util.UUID.randomUUID() + ".hl7";
        putObject("hl7/" + name, ResultMessages.aResultMessage().forRecord(patientId).named("Lab", "Anna")
                .bornOn("19850314").normalPanel().bytes());

        String answer = new LabReportUploadedHandler(processLabReport, receiveDroppedMessage)
                .handleRequest(notification("hl7/" + name, 100), null);

        assertThat(answer).isEqualTo("hl7/" + name + "=AA");
        assertThat(objectExists("hl7/" + name)).isFalse();
        assertThat(s3.listObjectsV2(r -> r.bucket(ObjectStore.LAB_REPORTS_BUCKET).prefix("hl7-received/" + patientId + "/")).contents())
                .as("kept under its report, where the patient's erasure finds it").hasSize(1);
        assertThat(new String(s3.getObjectAsBytes(r -> r.bucket(ObjectStore.LAB_REPORTS_BUCKET)
                .key("hl7-acks/" + name + ".ack")).asByteArray(), StandardCharsets.UTF_8)).contains("\rMSA|AA|");
    }

    @Test
    void the_handler_builds_its_own_wiring_from_the_environment_as_lambda_creates_it() {
        Uploaded upload = aTableReportInTheBucket();
        // Lambda passes configuration as environment variables; system properties bind the same way
        Map<String, String> configuration = environment.getPropertySources().stream()
                .filter(source -> source.getName().contains("Dynamic") || source.getName().contains("Inlined"))
                .filter(source -> source instanceof EnumerablePropertySource<?>)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .filter(name -> name.startsWith("medicore.lab."))
                .collect(Collectors.toMap(name -> name, environment::getRequiredProperty, (a, b) -> a));
        configuration.forEach(System::setProperty);
        try {
            String answer = new LabReportUploadedHandler().handleRequest(notification(upload.key(), upload.size()), null);

            assertThat(answer).isEqualTo(upload.reportId() + "=PROCESSED");
        } finally {
            configuration.keySet().forEach(System::clearProperty);
        }
    }

    private record Uploaded(String reportId, String key, long size) {
    }

    /** A report a doctor asked an upload URL for, its PDF stored as the PUT would store it. */
    private Uploaded aTableReportInTheBucket() {
        String patientId = aRegisteredPatient("");
        byte[] pdf = printedFor(patientId, aTableReport()).pdf();
        String reportId = labServiceAs(tokenOf("doctor")).requestUploadUrl(RequestUploadUrlRequest.newBuilder()
                .setPatientId(patientId).setFileName("cbc.pdf").setContentType("application/pdf")
                .setSizeBytes(pdf.length).build()).getReportId();
        String key = "uploads/" + patientId + "/" + reportId + ".pdf";
        putObject(key, pdf);
        return new Uploaded(reportId, key, pdf.length);
    }

    /** The sample notification of src/test/resources, deserialised by AWS's own Lambda serializers. */
    private static S3Event notification(String objectKey, long size) {
        try (InputStream sample = LabReportUploadedHandlerTest.class.getResourceAsStream("/lambda/s3-object-created.json")) {
            String json = new String(sample.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${objectKey}", objectKey).replace("${size}", Long.toString(size));
            return LambdaEventSerializers.serializerFor(S3Event.class, LabReportUploadedHandlerTest.class.getClassLoader())
                    .fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
