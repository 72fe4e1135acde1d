package org.medicore.appointment.config;

import org.medicore.support.outbox.PostgresOutbox;
import org.medicore.support.outbox.OutboxTable;
import org.medicore.support.outbox.KafkaOutboxPublisher;
import org.medicore.support.outbox.OutboxBacklog;
import org.medicore.support.outbox.OutboxWritten;
import org.medicore.support.outbox.ScheduledRelay;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.grpc.BindableService;
import org.jooq.DSLContext;
import org.medicore.appointment.adapter.in.grpc.GrpcAdapters;
import org.medicore.appointment.adapter.out.jooq.JooqPersistence;
import org.medicore.appointment.adapter.out.kafka.KafkaMessaging;
import org.medicore.support.outbox.PublishMessages;
import org.medicore.appointment.application.service.AppointmentService;
import org.medicore.support.outbox.OutboxRelay;
import org.medicore.appointment.application.service.PatientErasureService;
import org.medicore.appointment.application.service.PractitionerService;
import org.medicore.appointment.domain.BookingHorizon;
import org.medicore.appointment.domain.PatientErasure;
import org.medicore.appointment.domain.SlotPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.medicore.support.port.Transactions;
import org.medicore.support.security.RealmTokens;
import org.medicore.support.transaction.SpringTransactions;

import org.medicore.support.time.DatabaseTime;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the hexagon: domain policies, use cases, and the adapters behind their ports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtProperties.class, OutboxProperties.class, SchedulingProperties.class, ErasureProperties.class})
public class AppointmentServiceConfiguration {

    @Bean
    DatabaseTime databaseTime(DataSource dataSource) {
        return DatabaseTime.following(dataSource);
    }

    @Bean
    Clock clock(DatabaseTime time) {
        return time.clock();
    }

    @Bean
    SlotPolicy slotPolicy() {
        return new SlotPolicy();
    }

    @Bean
    BookingHorizon bookingHorizon(SchedulingProperties scheduling) {
        return new BookingHorizon(scheduling.bookingHorizon());
    }

    @Bean
    JooqPersistence persistence(DSLContext dsl) {
        return new JooqPersistence(dsl);
    }

    @Bean
    SpringTransactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(transactionManager);
    }

    @Bean
    OutboxWritten outboxWritten() {
        return new OutboxWritten();
    }

    /** The outbox table as operations' checks name it; the relay lock is "appt-outbox" in ASCII, trimmed to a long. */
    @Bean
    PostgresOutbox outbox(DataSource dataSource, OutboxWritten written) {
        return new PostgresOutbox(dataSource, new OutboxTable("outbox_event", "sequence", "sent_at", 0x617070742d6f7574L),
                written);
    }

    @Bean
    AppointmentService appointmentService(JooqPersistence persistence, Transactions transactions, PostgresOutbox outbox,
                                          SlotPolicy slotPolicy, BookingHorizon horizon, Clock clock) {
        return new AppointmentService(persistence.loadPractitioner(), persistence.loadWorkingHours(),
                persistence.loadAppointments(), persistence.saveAppointment(), persistence.bookingRequests(),
                KafkaMessaging.eventFormat(), outbox, transactions,
                slotPolicy, horizon, clock);
    }

    @Bean
    PractitionerService practitionerService(JooqPersistence persistence, Transactions transactions, PostgresOutbox outbox,
                                            SlotPolicy slotPolicy, BookingHorizon horizon, Clock clock) {
        return new PractitionerService(persistence.loadPractitioner(), persistence.savePractitioner(),
                persistence.loadWorkingHours(), persistence.saveWorkingHours(), persistence.loadAppointments(),
                persistence.saveAppointment(), KafkaMessaging.eventFormat(), outbox,
                transactions, slotPolicy, horizon, clock);
    }

    @Bean
    PatientErasureService patientErasureService(JooqPersistence persistence, Transactions transactions,
                                                PostgresOutbox outbox, ErasureProperties erasure, Clock clock) {
        return new PatientErasureService(persistence.loadAppointments(), persistence.saveAppointment(),
                persistence.forgetPatientRecords(), KafkaMessaging.eventFormat(), outbox, transactions,
                new PatientErasure(erasure.retainClinicalRecords()), clock);
    }

    @Bean
    BindableService appointmentEndpoint(AppointmentService appointments, PractitionerService practitioners) {
        return GrpcAdapters.appointmentEndpoint(appointments, appointments, appointments, appointments, practitioners);
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties jwt, DatabaseTime time) {
        return RealmTokens.decoder(jwt.issuerUri(), jwt.jwkSetUri(), jwt.audience(), time.clock());
    }

    @Bean
    PublishMessages outboxPublisher(ProducerFactory<String, String> producers, OutboxProperties outbox) {
        return new KafkaOutboxPublisher(producers::createProducer, outbox.topic(), outbox.ackTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(PostgresOutbox pending, PublishMessages publisher, Transactions transactions,
                            OutboxProperties outbox, Clock clock) {
        return new OutboxRelay(pending, publisher, transactions, clock, outbox.batchSize());
    }

    @Bean
    ScheduledRelay scheduledOutboxRelay(OutboxRelay relay, OutboxProperties outbox, OutboxWritten written) {
        return new ScheduledRelay(relay::relayAll, outbox.relayEnabled(), outbox.pollInterval(), written);
    }

    @Bean
    MeterBinder outboxBacklog(PostgresOutbox pending) {
        return OutboxBacklog.of(pending::countUnsent);
    }
}
