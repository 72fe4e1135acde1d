package org.medicore.billing.adapter.out.jooq;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The PostgreSQL adapters: each implements the outgoing ports of its tables. */
@Configuration(proxyBeanMethods = false)
public class JooqConfiguration {

    @Bean
    SpringTransactions jooqTransactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(new TransactionTemplate(transactionManager));
    }

    @Bean
    JooqAccounts jooqAccounts(DSLContext db) {
        return new JooqAccounts(db);
    }

    @Bean
    JooqInvoices jooqInvoices(DSLContext db) {
        return new JooqInvoices(db);
    }

    @Bean
    JooqFeeSchedule jooqFeeSchedule(DSLContext db) {
        return new JooqFeeSchedule(db);
    }

    @Bean
    JooqOutbox jooqOutbox(DSLContext db) {
        return new JooqOutbox(db);
    }
}
