package org.medicore.patient.config;

import org.medicore.support.audit.PostgresAuditTrail;
import org.medicore.support.outbox.OutboxBacklog;
import org.medicore.support.time.DatabaseTime;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.medicore.support.outbox.ScheduledRelay;
import org.medicore.support.outbox.EventByEventRelay;
import org.medicore.support.outbox.PendingEvents;
import org.medicore.support.outbox.PublishEvent;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.patient.application.port.out.LoadHistory;
import org.medicore.patient.application.port.out.LoadLabResults;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.SaveHistoryEntry;
import org.medicore.patient.application.port.out.SaveLabResult;
import org.medicore.patient.application.port.out.SavePatient;
import org.medicore.patient.application.port.out.SearchPatientRecords;
import org.medicore.patient.application.service.ClinicalRecords;
import org.medicore.patient.application.service.PatientRecords;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the use cases to the adapters' ports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientServiceConfiguration.OutboxProperties.class)
public class PatientServiceConfiguration {

    /**
     * @param relayEnabled whether this instance relays the outbox to Kafka
     * @param batchSize    events relayed per round
     */
    @ConfigurationProperties("medicore.patient.outbox")
    public record OutboxProperties(boolean relayEnabled, int batchSize, java.time.Duration relayInterval) {
    }

    /** The audit database's time: patient-service keeps no PostgreSQL of its own, and its host's clock may drift. */
    @Bean
    DatabaseTime databaseTime(PostgresAuditTrail auditTrail) {
        return auditTrail.followTime();
    }

    @Bean
    Clock clock(DatabaseTime time) {
        return time.clock();
    }

    @Bean
    PatientRecords patientRecords(LoadPatient loadPatient, SearchPatientRecords searchPatientRecords,
                                  SavePatient savePatient, Clock clock) {
        return new PatientRecords(loadPatient, searchPatientRecords, savePatient, clock);
    }

    @Bean
    ClinicalRecords clinicalRecords(LoadPatient loadPatient, LoadHistory loadHistory, SaveHistoryEntry saveHistoryEntry,
                                    LoadLabResults loadLabResults, SaveLabResult saveLabResult, Clock clock) {
        return new ClinicalRecords(loadPatient, loadHistory, saveHistoryEntry, loadLabResults, saveLabResult, clock);
    }

    @Bean
    EventByEventRelay<PatientEvent> outboxRelay(PendingEvents<PatientEvent> pendingEvents,
                                                     PublishEvent<PatientEvent> publishEvent,
                                                     OutboxProperties properties) {
        return new EventByEventRelay<>(pendingEvents, publishEvent, properties.batchSize());
    }

    @Bean
    ScheduledRelay scheduledOutboxRelay(EventByEventRelay<PatientEvent> relayOutbox, OutboxProperties properties) {
        return new ScheduledRelay(relayOutbox::relayPending, properties.relayEnabled(), properties.relayInterval());
    }

    @Bean
    MeterBinder outboxBacklog(PendingEvents<PatientEvent> pendingEvents) {
        return OutboxBacklog.of(pendingEvents::countPending);
    }
}
