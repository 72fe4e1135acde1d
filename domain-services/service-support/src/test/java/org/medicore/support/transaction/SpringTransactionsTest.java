package org.medicore.support.transaction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.SQLException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one way a service runs a transaction, against the real PostgreSQL: a deadlock's loser runs again. */
class SpringTransactionsTest {

    private static JdbcTemplate jdbc;
    private static SpringTransactions transactions;

    @BeforeAll
    static void database() {
        var dataSource = new DriverManagerDataSource(TestStack.newDatabaseUrl("spring_transactions"), PostgresServer.USER,
                PostgresServer.PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists slot");
        jdbc.execute("create table slot (id int primary key, holder text)");
        jdbc.execute("insert into slot values (1, null), (2, null)");
        transactions = new SpringTransactions(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void of_two_transactions_that_deadlock_the_one_postgres_aborts_runs_again_and_both_commit() throws Exception {
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        try (ExecutorService racers = Executors.newFixedThreadPool(2)) {
            Future<String> first = racers.submit(() -> claimBoth(1, 2, "first", bothHoldOneRow, attempts));
            Future<String> second = racers.submit(() -> claimBoth(2, 1, "second", bothHoldOneRow, attempts));

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
        }
        assertThat(attempts).as("each ran once, the deadlock's loser once more").hasValue(3);
    }

    @Test
    void a_transaction_aborted_every_time_is_given_up_after_a_few_attempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            attempts.incrementAndGet();
            throw new CannotAcquireLockException("aborted", new SQLException("could not serialize access", "40001"));
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(attempts).hasValue(SpringTransactions.ATTEMPTS);
    }

    @Test
    void any_other_failure_rolls_back_and_is_not_run_again() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            attempts.incrementAndGet();
            jdbc.update("update slot set holder = 'lost' where id = 1");
            return jdbc.update("insert into slot values (2, 'duplicate')");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(attempts).hasValue(1);
        assertThat(jdbc.queryForObject("select count(*) from slot where holder = 'lost'", Integer.class)).isZero();
    }

    @Test
    void a_nested_call_joins_the_outer_transaction_and_leaves_running_again_to_it() {
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            outer.incrementAndGet();
            return transactions.inTransaction(() -> {
                inner.incrementAndGet();
                throw new CannotAcquireLockException("aborted", new SQLException("deadlock detected", "40P01"));
            });
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(inner).hasValue(SpringTransactions.ATTEMPTS);
        assertThat(outer).hasValue(SpringTransactions.ATTEMPTS);
    }

    /** Locks one row, waits until the other racer holds the other row, then wants that one too. */
    private static String claimBoth(int firstRow, int secondRow, String holder, CyclicBarrier bothHoldOneRow,
                                    AtomicInteger attempts) {
        return transactions.inTransaction(() -> {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            jdbc.update("update slot set holder = ? where id = ?", holder, firstRow);
            if (firstAttempt) {
                await(bothHoldOneRow);
            }
            jdbc.update("update slot set holder = ? where id = ?", holder, secondRow);
            return holder;
        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
