package org.medicore.billing.config;

import org.medicore.support.outbox.OutboxBacklog;
import org.medicore.support.outbox.OutboxRelay;
import org.medicore.support.outbox.OutboxTable;
import org.medicore.support.outbox.PostgresOutbox;
import org.medicore.support.outbox.PublishMessages;
import org.medicore.support.outbox.OutboxWritten;
import org.medicore.support.outbox.ScheduledRelay;
import org.medicore.support.port.Transactions;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.medicore.billing.application.port.out.FormatEvent;
import org.medicore.billing.application.port.out.IdempotencyKeys;
import org.medicore.billing.application.port.out.LoadAccounts;
import org.medicore.billing.application.port.out.LoadFeeSchedule;
import org.medicore.billing.application.port.out.LoadInvoices;
import org.medicore.billing.application.port.out.NextInvoiceNumber;
import org.medicore.billing.application.port.out.ParkCharges;
import org.medicore.billing.application.port.out.RecordProcessedEvents;
import org.medicore.billing.application.port.out.SaveAccounts;
import org.medicore.billing.application.port.out.SaveFeeSchedule;
import org.medicore.billing.application.port.out.SaveInvoices;
import org.medicore.billing.application.service.EventIntakeService;
import org.medicore.billing.application.service.FeeScheduleService;
import org.medicore.billing.application.service.InvoiceService;
import org.medicore.billing.domain.InvoiceTerms;
import org.medicore.support.time.DatabaseTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The use cases, wired to the adapters' ports, and the outbox relay's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
public class BillingServiceConfiguration {

    /** Ticks in microseconds, the precision PostgreSQL stores, so an answer equals its re-read. */
    @Bean
    DatabaseTime databaseTime(DataSource dataSource) {
        return DatabaseTime.following(dataSource);
    }

    @Bean
    Clock clock(DatabaseTime time) {
        return Clock.tick(time.clock(), Duration.of(1, ChronoUnit.MICROS));
    }

    @Bean
    InvoiceTerms invoiceTerms(BillingProperties properties) {
        return new InvoiceTerms(properties.invoicing().clinicZone(), properties.invoicing().paymentTerm());
    }

    @Bean
    OutboxWritten outboxWritten() {
        return new OutboxWritten();
    }

    /**
     * The outbox table as operations' checks name it. One relay at a time holds the lock ("bill-outbox" in ASCII,
     * trimmed to a long): two replicas' relays skipping each other's locked rows would publish one invoice's events
     * out of order.
     */
    @Bean
    PostgresOutbox outbox(DataSource dataSource, OutboxWritten written) {
        return new PostgresOutbox(dataSource, new OutboxTable("outbox", "position", "published_at", 0x62696c6c2d6f7574L),
                written);
    }

    @Bean
    EventIntakeService eventIntake(Transactions transactions, RecordProcessedEvents processedEvents,
                                   LoadAccounts loadAccounts, SaveAccounts saveAccounts, ParkCharges parkCharges,
                                   LoadFeeSchedule feeSchedule, LoadInvoices loadInvoices, SaveInvoices saveInvoices,
                                   NextInvoiceNumber invoiceNumbers, FormatEvent formatEvent, PostgresOutbox outbox,
                                   InvoiceTerms terms, Clock clock) {
        return new EventIntakeService(new EventIntakeService.Ports(transactions, processedEvents, loadAccounts,
                saveAccounts, parkCharges, feeSchedule, loadInvoices, saveInvoices, invoiceNumbers, formatEvent,
                outbox), terms, clock);
    }

    @Bean
    InvoiceService invoices(Transactions transactions, LoadAccounts loadAccounts, SaveAccounts saveAccounts,
                            LoadFeeSchedule feeSchedule, LoadInvoices loadInvoices, SaveInvoices saveInvoices,
                            IdempotencyKeys idempotencyKeys, FormatEvent formatEvent, PostgresOutbox outbox,
                            InvoiceTerms terms, Clock clock) {
        return new InvoiceService(new InvoiceService.Ports(transactions, loadAccounts, saveAccounts, feeSchedule,
                loadInvoices, saveInvoices, idempotencyKeys, formatEvent, outbox), terms, clock);
    }

    @Bean
    FeeScheduleService feeSchedules(Transactions transactions, LoadFeeSchedule load, SaveFeeSchedule save,
                                    Clock clock) {
        return new FeeScheduleService(transactions, load, save, clock);
    }

    @Bean
    OutboxRelay outboxRelay(Transactions transactions, PostgresOutbox pending, PublishMessages publish,
                            BillingProperties properties, Clock clock) {
        return new OutboxRelay(pending, publish, transactions, clock, properties.outbox().batchSize());
    }

    /** Drains the outbox as soon as a change commits, and every poll interval; a failed batch is tried again on the next round. */
    @Bean
    ScheduledRelay scheduledOutboxRelay(OutboxRelay relay, BillingProperties properties, OutboxWritten written) {
        return new ScheduledRelay(relay::relayAll, true, properties.outbox().pollInterval(), written);
    }

    @Bean
    MeterBinder outboxBacklog(PostgresOutbox pending) {
        return OutboxBacklog.of(pending::countUnsent);
    }
}
