package org.medicore.lab.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import org.medicore.lab.LabProcessorApplication;
import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.lab.application.port.in.ReceiveDroppedMessage;
import org.medicore.lab.application.port.in.ReceiveLabMessage;
import org.medicore.lab.application.service.LabMessageIntake;
import org.springframework.context.ApplicationContext;
import org.medicore.lab.domain.LabReport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cloud trigger: S3 invokes it for every object created under {@code uploads/} (a PDF report)
 * and {@code hl7/} (a lab's result message, answered with an ACK under {@code hl7-acks/}). Deployed as
 * it is (handler {@code org.medicore.lab.adapter.in.lambda.LabReportUploadedHandler::handleRequest}); the
 * no-argument constructor starts the service's wiring once per Lambda container, without the
 * gRPC server. Answers the status each report reached, e.g. {@code "<id>=PROCESSED"}.
 */
public final class LabReportUploadedHandler implements RequestHandler<S3Event, String> {

    private final ProcessLabReport processLabReport;
    private final ReceiveDroppedMessage receiveDroppedMessage;

    /**
     * The wiring without the gRPC server (so without its audit of gRPC calls) and without probes:
     * the readiness group names indicators only the server has, so its membership isn't checked.
     */
    public LabReportUploadedHandler() {
        this(new SpringApplicationBuilder(LabProcessorApplication.class).web(WebApplicationType.NONE)
                .properties("spring.grpc.server.enabled=false", "medicore.lab.outbox.relay-enabled=false",
                        "management.endpoint.health.validate-group-membership=false")
                .run());
    }

    private LabReportUploadedHandler(ApplicationContext wiring) {
        this(wiring.getBean(ProcessLabReport.class), wiring.getBean(ReceiveDroppedMessage.class));
    }

    LabReportUploadedHandler(ProcessLabReport processLabReport, ReceiveDroppedMessage receiveDroppedMessage) {
        this.processLabReport = processLabReport;
        this.receiveDroppedMessage = receiveDroppedMessage;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        List<String> outcomes = new ArrayList<>();
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
            // keys arrive URL-encoded in S3 notifications
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            if (key.startsWith(LabMessageIntake.DROP_FOLDER)) {
                outcomes.add(key + "=" + receiveDroppedMessage.receiveDropped(key)
                        .map(ReceiveLabMessage.Receipt::code).orElse("GONE"));
                continue;
            }
            Optional<String> reportId = LabReport.idFromObjectKey(key);
            if (reportId.isEmpty()) {
                outcomes.add(key + "=IGNORED");
                continue;
            }
            outcomes.add(reportId.get() + "=" + processLabReport.process(reportId.get())
                    .map(report -> report.status().name()).orElse("UNKNOWN_REPORT"));
        }
        return String.join(",", outcomes);
    }
}
