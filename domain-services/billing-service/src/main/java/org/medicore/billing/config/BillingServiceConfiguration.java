package org.medicore.billing.config;

import org.medicore.support.outbox.OutboxBacklog;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.medicore.billing.application.port.in.RelayOutbox;
import org.medicore.billing.application.port.out.AppendToOutbox;
import org.medicore.billing.application.port.out.FormatEvent;
import org.medicore.billing.application.port.out.IdempotencyKeys;
import org.medicore.billing.application.port.out.LoadAccounts;
import org.medicore.billing.application.port.out.LoadFeeSchedule;
import org.medicore.billing.application.port.out.LoadInvoices;
import org.medicore.billing.application.port.out.NextInvoiceNumber;
import org.medicore.billing.application.port.out.ParkCharges;
import org.medicore.billing.application.port.out.PendingOutbox;
import org.medicore.billing.application.port.out.PublishMessages;
import org.medicore.billing.application.port.out.RecordProcessedEvents;
import org.medicore.billing.application.port.out.SaveAccounts;
import org.medicore.billing.application.port.out.SaveFeeSchedule;
import org.medicore.billing.application.port.out.SaveInvoices;
import org.medicore.billing.application.port.out.Transactions;
import org.medicore.billing.application.service.EventIntakeService;
import org.medicore.billing.application.service.FeeScheduleService;
import org.medicore.billing.application.service.InvoiceService;
import org.medicore.billing.application.service.OutboxRelay;
import org.medicore.billing.domain.InvoiceTerms;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The use cases, wired to the adapters' ports, and the outbox relay's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
public class BillingServiceConfiguration {

    /** Ticks in microseconds, the precision PostgreSQL stores, so an answer equals its re-read. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }

    @Bean
    InvoiceTerms invoiceTerms(BillingProperties properties) {
        return new InvoiceTerms(properties.invoicing().clinicZone(), properties.invoicing().paymentTerm());
    }

    @Bean
    EventIntakeService eventIntake(Transactions transactions, RecordProcessedEvents processedEvents,
                                   LoadAccounts loadAccounts, SaveAccounts saveAccounts, ParkCharges parkCharges,
                                   LoadFeeSchedule feeSchedule, LoadInvoices loadInvoices, SaveInvoices saveInvoices,
                                   NextInvoiceNumber invoiceNumbers, FormatEvent formatEvent, AppendToOutbox outbox,
                                   InvoiceTerms terms, Clock clock) {
        return new EventIntakeService(new EventIntakeService.Ports(transactions, processedEvents, loadAccounts,
                saveAccounts, parkCharges, feeSchedule, loadInvoices, saveInvoices, invoiceNumbers, formatEvent,
                outbox), terms, clock);
    }

    @Bean
    InvoiceService invoices(Transactions transactions, LoadAccounts loadAccounts, SaveAccounts saveAccounts,
                            LoadFeeSchedule feeSchedule, LoadInvoices loadInvoices, SaveInvoices saveInvoices,
                            IdempotencyKeys idempotencyKeys, FormatEvent formatEvent, AppendToOutbox outbox,
                            Clock clock) {
        return new InvoiceService(new InvoiceService.Ports(transactions, loadAccounts, saveAccounts, feeSchedule,
                loadInvoices, saveInvoices, idempotencyKeys, formatEvent, outbox), clock);
    }

    @Bean
    FeeScheduleService feeSchedules(Transactions transactions, LoadFeeSchedule load, SaveFeeSchedule save,
                                    Clock clock) {
        return new FeeScheduleService(transactions, load, save, clock);
    }

    @Bean
    OutboxRelay outboxRelay(Transactions transactions, PendingOutbox pending, PublishMessages publish,
                            BillingProperties properties, Clock clock) {
        return new OutboxRelay(transactions, pending, publish, properties.outbox().batchSize(), clock);
    }

    /** Drains the outbox every poll interval; a failed batch is tried again on the next tick. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler outboxRelaySchedule(RelayOutbox relay, BillingProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("outbox-relay-");
        scheduler.setErrorHandler(new OutboxRelayFailureLog());
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(() -> {
            while (relay.relayBatch() == properties.outbox().batchSize()) {
                // a full batch suggests more are waiting: keep going without waiting for the tick
            }
        }, properties.outbox().pollInterval());
        return scheduler;
    }

    @Bean
    MeterBinder outboxBacklog(PendingOutbox pending) {
        return OutboxBacklog.of(pending::countUnpublished);
    }
}
