package org.medicore.support.transaction;

import org.medicore.support.port.Transactions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A Spring transaction on the DataSource the persistence adapters use (jOOQ joins it); a nested call
 * joins the outer one. PostgreSQL may abort a transaction as a deadlock (two bookings racing for
 * overlapping slots each wait for the other's exclusion-constraint check) or a serialization
 * failure: it rolled back entirely, so the outermost call runs it again after a short pause, a few
 * times at most, and the work then meets the winner's change as an ordinary conflict.
 */
public final class SpringTransactions implements Transactions {

    static final int ATTEMPTS = 6;
    /** deadlock_detected and serialization_failure: the transaction was rolled back and may simply run again. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40P01", "40001");

    private final TransactionTemplate template;

    public SpringTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the outer transaction is the one aborted, so only it can run again
            return template.execute(status -> work.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !abortedByTheDatabase(e)) {
                    throw e;
                }
                pauseBeforeAttempt(attempt);
            }
        }
    }

    /** A short random pause, longer each time, so the losers of one deadlock don't meet again at once. */
    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }

    /**
     * A connection pool's timeout is an SQLException without a SQLSTATE, and {@code Set.of} refuses to look up null:
     * the state is checked first, or a restarted service answers INTERNAL instead of the outage it meets.
     */
    static boolean abortedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
