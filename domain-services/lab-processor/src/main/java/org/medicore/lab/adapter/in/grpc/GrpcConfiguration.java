package org.medicore.lab.adapter.in.grpc;

import org.medicore.lab.application.port.in.ListReportsByPatient;
import org.medicore.lab.application.port.in.DecideReview;
import org.medicore.lab.application.port.in.ListReviewQueue;
import org.medicore.lab.application.port.in.ReceiveDroppedMessage;
import org.medicore.lab.application.port.in.ReceiveLabMessage;
import org.medicore.lab.application.port.out.ReportObjects;
import org.springframework.beans.factory.annotation.Value;
import org.medicore.support.security.RealmTokens;
import org.medicore.lab.application.port.in.ConfirmUpload;
import org.medicore.lab.application.port.in.GetReportDownloadUrl;
import org.medicore.lab.application.port.in.GetReportStatus;
import org.medicore.lab.application.port.in.ListResultsByPatient;
import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.lab.application.port.in.RequestUploadUrl;
import org.medicore.lab.domain.UploadLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gRPC adapter's wiring: the endpoint, the local trigger's worker and the token decoder
 * service-support's bearer-token check uses.
 * Off where no gRPC server runs (the Lambda).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({GrpcConfiguration.SecurityProperties.class, GrpcConfiguration.ProcessingProperties.class})
public class GrpcConfiguration {

    /** Keycloak realm issuer, its signing keys and the audience every token must carry. */
    @ConfigurationProperties("medicore.lab.security")
    public record SecurityProperties(String issuer, String jwkSetUri, String audience) {
    }

    /**
     * @param workers            threads reading reports up to {@code largeReportBytes}
     * @param largeReportWorkers threads reading larger reports
     * @param longestPauseAfterOutage how long a report waits at most before it is tried again while a store is unreachable
     */
    @ConfigurationProperties("medicore.lab.processing")
    public record ProcessingProperties(int workers, int largeReportWorkers, long largeReportBytes,
                                       Duration longestPauseAfterOutage) {
    }

    @Bean(destroyMethod = "close")
    LocalUploadTrigger localUploadTrigger(ProcessLabReport processLabReport, ProcessingProperties processing) {
        return new LocalUploadTrigger(processLabReport,
                pool(processing.workers(), "lab-report-processing-"),
                pool(processing.largeReportWorkers(), "lab-report-processing-large-"),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lab-report-processing-retries").factory()),
                processing.largeReportBytes(), processing.longestPauseAfterOutage());
    }

    private static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(name, 0).factory());
    }

    @Bean
    LabGrpcEndpoint labGrpcEndpoint(RequestUploadUrl requestUploadUrl, ConfirmUpload confirmUpload,
                                    GetReportStatus getReportStatus, GetReportDownloadUrl getReportDownloadUrl,
                                    ListResultsByPatient listResultsByPatient,
                                    ListReportsByPatient listReportsByPatient, ListReviewQueue listReviewQueue,
                                    DecideReview decideReview, ReceiveLabMessage receiveLabMessage,
                                    LocalUploadTrigger localUploadTrigger, UploadLimits uploadLimits) {
        return new LabGrpcEndpoint(requestUploadUrl, confirmUpload, getReportStatus, getReportDownloadUrl, listResultsByPatient,
                listReportsByPatient, listReviewQueue, decideReview, receiveLabMessage, localUploadTrigger, uploadLimits);
    }

    /** The one-machine stand-in for the bucket's notification on {@code hl7/}; off with an interval of 0. */
    @Bean(destroyMethod = "close")
    LocalDropPoller localDropPoller(ReceiveDroppedMessage receiveDroppedMessage, ReportObjects objects,
                                    @Value("${medicore.lab.hl7.drop-poll-interval:2s}") Duration interval) {
        return LocalDropPoller.start(receiveDroppedMessage, objects, interval);
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return RealmTokens.decoder(properties.issuer(), properties.jwkSetUri(), properties.audience());
    }
}
