package org.medicore.notification.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.support.transaction.SpringTransactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The PostgreSQL adapters: each implements the outgoing ports of its tables. */
@Configuration(proxyBeanMethods = false)
public class JooqConfiguration {

    @Bean
    SpringTransactions jooqTransactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(transactionManager);
    }

    @Bean
    JooqProcessedEvents jooqProcessedEvents(DSLContext db) {
        return new JooqProcessedEvents(db);
    }

    @Bean
    JooqRecipients jooqRecipients(DSLContext db) {
        return new JooqRecipients(db);
    }

    @Bean
    JooqCalendars jooqCalendars(DSLContext db) {
        return new JooqCalendars(db);
    }

    @Bean
    JooqNotifications jooqNotifications(DSLContext db) {
        return new JooqNotifications(db);
    }

    @Bean
    JooqErasures jooqErasures(DSLContext db) {
        return new JooqErasures(db);
    }

    @Bean
    JooqSentMessages jooqSentMessages(DSLContext db) {
        return new JooqSentMessages(db);
    }
}
