package org.medicore.lab.config;

import org.medicore.support.outbox.OutboxBacklog;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.medicore.support.outbox.ScheduledRelay;
import org.medicore.support.outbox.EventByEventRelay;
import org.medicore.support.outbox.PendingEvents;
import org.medicore.support.outbox.PublishEvent;
import org.medicore.lab.domain.LabReportEvent;
import org.medicore.lab.application.port.out.AttachResults;
import org.medicore.lab.application.port.out.EraseReportObjects;
import org.medicore.lab.application.port.out.EraseReportRecords;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.application.port.out.FindPatient;
import org.medicore.lab.application.port.out.LoadAttachedResults;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.PresignDownload;
import org.medicore.lab.application.port.out.PresignUpload;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.application.service.LabReportIntake;
import org.medicore.lab.application.service.LabReportProcessing;
import org.medicore.lab.application.service.LabReview;
import org.medicore.lab.application.service.PatientReportErasure;
import org.medicore.lab.application.service.ReportDownloads;
import org.medicore.lab.application.service.LabMessageIntake;
import org.medicore.lab.application.service.ResultsFiling;
import org.medicore.lab.application.port.out.ReadLabMessage;
import org.medicore.lab.domain.ReadingLimits;
import org.medicore.lab.domain.UploadLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Wires the use cases to the adapters' ports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LabProcessorConfiguration.UploadProperties.class,
        LabProcessorConfiguration.OutboxProperties.class, LabProcessorConfiguration.ReadingProperties.class,
        LabProcessorConfiguration.DownloadProperties.class, LabProcessorConfiguration.ErasureProperties.class})
public class LabProcessorConfiguration {

    /** @param maxBytes largest accepted report; @param urlValidFor how long a presigned PUT works */
    @ConfigurationProperties("medicore.lab.upload")
    public record UploadProperties(long maxBytes, Duration urlValidFor) {
    }

    /** @param linkValidFor how long a presigned GET of a report's PDF works: long enough to start, short as it is a bearer link */
    @ConfigurationProperties("medicore.lab.download")
    public record DownloadProperties(Duration linkValidFor) {
    }

    /**
     * @param maxPages   longer reports are refused (TOO_MANY_PAGES)
     * @param timeBudget reading one report stops after this (READING_TIMED_OUT)
     */
    @ConfigurationProperties("medicore.lab.reading")
    public record ReadingProperties(int maxPages, Duration timeBudget) {
    }

    /**
     * @param retainClinicalRecords the clinic must keep medical records for a period: an erased patient's reports
     *                              and their files stay (the name patient-service reads, so one setting says it)
     */
    @ConfigurationProperties("medicore.erasure")
    public record ErasureProperties(boolean retainClinicalRecords) {
    }

    @ConfigurationProperties("medicore.lab.outbox")
    public record OutboxProperties(boolean relayEnabled, int batchSize, Duration relayInterval) {
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** What an upload may be: checked where the request is read, and again on the stored object. */
    @Bean
    UploadLimits uploadLimits(UploadProperties upload) {
        return new UploadLimits(upload.maxBytes());
    }

    @Bean
    LabReportIntake labReportIntake(LoadReport loadReport, SaveReport saveReport, PresignUpload presignUpload,
                                    ReportObjects objects, FindPatient findPatient, LoadAttachedResults attachedResults,
                                    UploadProperties upload, Clock clock) {
        return new LabReportIntake(loadReport, saveReport, presignUpload, objects, findPatient, attachedResults,
                upload.urlValidFor(), clock);
    }

    @Bean
    LabReportProcessing labReportProcessing(LoadReport loadReport, SaveReport saveReport, ReportObjects objects,
                                            ExtractText extractText, ResultsFiling filing, UploadLimits limits,
                                            ReadingProperties reading, Clock clock) {
        return new LabReportProcessing(loadReport, saveReport, objects, extractText, filing,
                limits, new ReadingLimits(reading.maxPages(), reading.timeBudget()), clock);
    }

    @Bean
    LabReview labReview(LoadReport loadReport, SaveReport saveReport, FindPatient findPatient,
                        AttachResults attachResults, ReportObjects objects, Clock clock) {
        return new LabReview(loadReport, saveReport, findPatient, attachResults, objects, clock);
    }

    @Bean
    ReportDownloads reportDownloads(LabReportIntake labReportIntake, ReportObjects objects, PresignDownload presignDownload,
                                    DownloadProperties download) {
        return new ReportDownloads(labReportIntake, objects, presignDownload, download.linkValidFor());
    }

    @Bean
    ResultsFiling resultsFiling(AttachResults attachResults, FindPatient findPatient, LoadReport loadReport,
                                SaveReport saveReport, Clock clock) {
        return new ResultsFiling(attachResults, findPatient, loadReport, saveReport, clock);
    }

    @Bean
    LabMessageIntake labMessageIntake(ReadLabMessage readLabMessage, FindPatient findPatient, LoadReport loadReport,
                                      SaveReport saveReport, ReportObjects objects, ResultsFiling filing, Clock clock) {
        return new LabMessageIntake(readLabMessage, findPatient, loadReport, saveReport, objects, filing, clock);
    }

    @Bean
    PatientReportErasure patientReportErasure(LoadReport loadReport, EraseReportObjects objects,
                                              EraseReportRecords records, ErasureProperties erasure) {
        return new PatientReportErasure(loadReport, objects, records, erasure.retainClinicalRecords());
    }

    @Bean
    EventByEventRelay<LabReportEvent> outboxRelay(PendingEvents<LabReportEvent> pendingEvents,
                                                  PublishEvent<LabReportEvent> publishEvent, OutboxProperties properties) {
        return new EventByEventRelay<>(pendingEvents, publishEvent, properties.batchSize());
    }

    @Bean
    ScheduledRelay scheduledOutboxRelay(EventByEventRelay<LabReportEvent> relayOutbox, OutboxProperties properties) {
        return new ScheduledRelay(relayOutbox::relayPending, properties.relayEnabled(), properties.relayInterval());
    }

    @Bean
    MeterBinder outboxBacklog(PendingEvents<LabReportEvent> pendingEvents) {
        return OutboxBacklog.of(pendingEvents::countPending);
    }
}
