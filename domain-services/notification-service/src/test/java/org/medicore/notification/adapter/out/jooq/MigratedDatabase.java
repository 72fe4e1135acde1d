package org.medicore.notification.adapter.out.jooq;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.support.transaction.SpringTransactions;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;

/**
 * A database of the test stack's PostgreSQL with the service's migrations, for this package's adapters
 * without the Spring context: jOOQ joins the transactions of {@link #TRANSACTIONS} as the service's does.
 */
final class MigratedDatabase {

    private static final DataSource DATA = migrated(TestStack.newDatabaseUrl("notifications_adapters"));
    static final DSLContext DB = DSL.using(new TransactionAwareDataSourceProxy(DATA), SQLDialect.POSTGRES);
    static final SpringTransactions TRANSACTIONS = new SpringTransactions(new DataSourceTransactionManager(DATA));

    private MigratedDatabase() {
    }

    private static DataSource migrated(String url) {
        Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD).load().migrate();
        return new DriverManagerDataSource(url, PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
