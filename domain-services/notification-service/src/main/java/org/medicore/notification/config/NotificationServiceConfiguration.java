package org.medicore.notification.config;

import org.medicore.notification.application.port.in.DeliverDueNotifications;
import org.medicore.notification.application.port.out.AppointmentCalendars;
import org.medicore.notification.application.port.out.ClaimDueNotifications;
import org.medicore.notification.application.port.out.ComposeMessages;
import org.medicore.notification.application.port.out.ErasePatients;
import org.medicore.notification.application.port.out.LoadPractitionerZones;
import org.medicore.notification.application.port.out.LoadPatientContacts;
import org.medicore.notification.application.port.out.LoadRecipients;
import org.medicore.notification.application.port.out.LoadSentMessages;
import org.medicore.notification.application.port.out.SaveRecipients;
import org.medicore.notification.application.port.out.ReadUnsubscribeTokens;
import org.medicore.notification.application.port.out.RecordProcessedEvents;
import org.medicore.notification.application.port.out.ScheduleNotifications;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.support.port.Transactions;
import org.medicore.notification.application.service.DeliveryService;
import org.medicore.notification.application.service.EventIntakeService;
import org.medicore.notification.application.service.MessagePreferencesService;
import org.medicore.notification.application.service.SentMessagesService;
import org.medicore.notification.domain.NotificationPlanner;
import org.medicore.notification.domain.ReminderSchedule;
import org.medicore.notification.domain.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.medicore.support.time.DatabaseTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The use cases, wired to the adapters' ports, and the delivery round's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationServiceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationServiceConfiguration.class);

    /** Ticks in microseconds, the precision PostgreSQL stores, so a time written equals its re-read. */
    @Bean
    DatabaseTime databaseTime(DataSource dataSource) {
        return DatabaseTime.following(dataSource);
    }

    @Bean
    Clock clock(DatabaseTime time) {
        return Clock.tick(time.clock(), Duration.of(1, ChronoUnit.MICROS));
    }

    @Bean
    EventIntakeService eventIntake(Transactions transactions, RecordProcessedEvents processedEvents,
                                   LoadRecipients recipients, LoadPractitionerZones practitionerZones,
                                   AppointmentCalendars calendars, ScheduleNotifications notifications,
                                   LoadPatientContacts patientContacts, SaveRecipients savedRecipients,
                                   ErasePatients erasures, NotificationProperties properties, Clock clock) {
        return new EventIntakeService(new EventIntakeService.Ports(transactions, processedEvents, recipients,
                practitionerZones, calendars, notifications, patientContacts, savedRecipients, erasures),
                new NotificationPlanner(new ReminderSchedule(properties.reminders().leadTimes())),
                properties.clinic().zone(), clock);
    }

    @Bean
    DeliveryService delivery(Transactions transactions, ClaimDueNotifications store, LoadRecipients recipients,
                             ComposeMessages composer, List<SendOnChannel> channels, NotificationProperties properties,
                             Clock clock) {
        NotificationProperties.Delivery delivery = properties.delivery();
        return new DeliveryService(transactions, store, recipients, composer, channels,
                new RetryPolicy(delivery.maxAttempts(), delivery.firstRetryDelay(), delivery.maxRetryDelay()),
                delivery.batchSize(), properties.clinic().zone(), clock);
    }

    @Bean
    MessagePreferencesService messagePreferences(Transactions transactions, LoadRecipients recipients,
                                                 SaveRecipients savedRecipients, ScheduleNotifications notifications,
                                                 ReadUnsubscribeTokens tokens, ErasePatients erasures,
                                                 NotificationProperties properties, Clock clock) {
        return new MessagePreferencesService(transactions, recipients, savedRecipients, notifications, tokens, erasures,
                properties.clinic().zone(), clock);
    }

    @Bean
    SentMessagesService sentMessages(LoadSentMessages messages) {
        return new SentMessagesService(messages);
    }

    /** Runs a delivery round every poll interval; a failed round changes nothing and is run again on the next tick. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler deliverySchedule(DeliverDueNotifications delivery, NotificationProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("notification-delivery-");
        scheduler.setErrorHandler(failure -> log.warn("delivery round failed, retrying on the next tick: {}",
                failure.toString()));
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(() -> {
            while (delivery.deliverDue() == properties.delivery().batchSize()) {
                // a full batch suggests more are due: keep going without waiting for the tick
            }
        }, properties.delivery().pollInterval());
        return scheduler;
    }
}
