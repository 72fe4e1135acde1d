package org.medicore.billing.adapter.out.jooq;

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
}
