package org.medicore.notification.adapter.out.jooq;

import org.medicore.notification.application.port.out.Transactions;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/** A Spring transaction on the DataSource jOOQ uses; a nested call joins the outer one. */
final class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    SpringTransactions(TransactionTemplate template) {
        this.template = template;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
